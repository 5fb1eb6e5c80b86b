package com.performanceos.platform.documents;

/** Writes rows, in the order given, in one file format. Blocking: runs off the event loop. */
public interface RowWriter<T> {

	void write(T row);

	/** Writes what closes the document and flushes; the underlying stream stays open. */
	void finish();

}
