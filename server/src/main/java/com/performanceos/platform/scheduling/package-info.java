/** Work that runs every interval on every instance: schedules, drains and polls, written once. */
@NullMarked
package com.performanceos.platform.scheduling;

import org.jspecify.annotations.NullMarked;
