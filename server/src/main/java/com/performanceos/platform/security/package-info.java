/** Authentication (JWT), the caller's tenant and roles, and the schema's authorisation rules. */
@NullMarked
package com.performanceos.platform.security;

import org.jspecify.annotations.NullMarked;
