package com.performanceos.platform.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JobProgressTests {

	@Test
	void percentIsRoundedDownAndUnknownWithoutATotal() {
		assertThat(new Job.Progress(1, 3L).percent()).isEqualTo(33);
		assertThat(new Job.Progress(20_000, 20_000L).percent()).isEqualTo(100);
		assertThat(new Job.Progress(0, 0L).percent()).isEqualTo(100);
		assertThat(new Job.Progress(42, null).percent()).isNull();
	}

	@Test
	void refusesProgressBeyondItsTotalOrNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Job.Progress(11, 10L));
		assertThatIllegalArgumentException().isThrownBy(() -> new Job.Progress(-1, null));
	}

	@Test
	void onlyEndedStatusesAreFinished() {
		assertThat(JobStatus.QUEUED.finished()).isFalse();
		assertThat(JobStatus.RUNNING.finished()).isFalse();
		assertThat(JobStatus.SUCCEEDED.finished()).isTrue();
		assertThat(JobStatus.FAILED.finished()).isTrue();
		assertThat(JobStatus.CANCELLED.finished()).isTrue();
	}

}
