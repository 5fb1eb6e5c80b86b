/** Performance OS server: the platform layer and one package per business domain. */
@NullMarked
package com.performanceos;

import org.jspecify.annotations.NullMarked;
