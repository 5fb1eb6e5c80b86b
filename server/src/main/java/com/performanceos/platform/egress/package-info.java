/**
 * The one way out of the server to an address a tenant chose (outbound webhooks): checked against internal network
 * ranges, pinned to the checked address, bounded in time and size, with failures that reveal nothing about the network.
 */
@NullMarked
package com.performanceos.platform.egress;

import org.jspecify.annotations.NullMarked;
