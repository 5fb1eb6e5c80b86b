package com.performanceos.tenders.watch;

/** The schema's {@code NoticeSource}: where a market notice came from. */
public enum NoticeSource {
	LOCAL, BOAMP, TED
}
