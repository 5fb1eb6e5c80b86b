/** The GraphiQL explorer at {@code /graphiql}: its bundled scripts and styles, served by this server only. */
@NullMarked
package com.performanceos.platform.explorer;

import org.jspecify.annotations.NullMarked;
