/**
 * Real infrastructure for tests: servers started as child processes on free ports, never mocks.
 */
@NullMarked
package com.performanceos.testsupport;

import org.jspecify.annotations.NullMarked;
