package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** 加处罚款 to the day: worked examples. */
class LateFeeTest {

	static final LocalDate DUE = LocalDate.of(2026, 3, 16);
	static final long FINE = 1_000_000L; // 10,000 yuan

	@Test
	void nothingOnOrBeforeTheDueDay() {
		assertThat(LateFee.asOf(FINE, DUE, List.of(), List.of(), DUE).fee()).isZero();
	}

	@Test
	void threePercentOfTheUnpaidFinePerDay() {
		// 17 and 18 March: 2 days × 300 yuan
		var r = LateFee.asOf(FINE, DUE, List.of(), List.of(), LocalDate.of(2026, 3, 18));
		assertThat(r.fee()).isEqualTo(60_000L);
		assertThat(r.daysCounted()).isEqualTo(2);
	}

	@Test
	void cappedAtTheFine() {
		// 34 days would be 102% of the fine
		var r = LateFee.asOf(FINE, DUE, List.of(), List.of(), DUE.plusDays(34));
		assertThat(r.fee()).isEqualTo(FINE);
		assertThat(r.capped()).isTrue();
		assertThat(LateFee.asOf(FINE, DUE, List.of(), List.of(), DUE.plusDays(33)).fee()).isEqualTo(990_000L);
	}

	@Test
	void aPartPaymentLowersTheBaseFromItsDayAndFullPaymentStopsIt() {
		var payments = List.of(new LateFee.Payment(LocalDate.of(2026, 3, 18), 600_000L), new LateFee.Payment(LocalDate.of(2026, 3, 20), 400_000L));
		// 17th: 10,000 → 300; 18th and 19th: 4,000 → 120 + 120; 20th: paid in full
		var r = LateFee.asOf(FINE, DUE, payments, List.of(), LocalDate.of(2026, 3, 31));
		assertThat(r.fee()).isEqualTo(30_000L + 12_000L + 12_000L);
		assertThat(r.unpaid()).isZero();
	}

	@Test
	void noAccrualWhileReviewOrLitigationIsPending() {
		// review from 18 to 25 March: only the 17th and 26th–27th count
		var pauses = List.of(new LateFee.Pause(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 25)));
		var r = LateFee.asOf(FINE, DUE, List.of(), pauses, LocalDate.of(2026, 3, 27));
		assertThat(r.daysCounted()).isEqualTo(3);
		assertThat(r.fee()).isEqualTo(90_000L);
		// a pending litigation (no end yet) stops it until today
		assertThat(LateFee.asOf(FINE, DUE, List.of(), List.of(new LateFee.Pause(LocalDate.of(2026, 3, 17), null)), LocalDate.of(2026, 6, 1)).fee())
			.isZero();
	}

	@Test
	void oddAmountsRoundDownOnceAtTheEnd() {
		// 333.33 yuan: 3 days × 9.9999 yuan = 29.9997 → 29.99 yuan
		assertThat(LateFee.asOf(33_333L, DUE, List.of(), List.of(), DUE.plusDays(3)).fee()).isEqualTo(2_999L);
	}

	@Test
	void instalmentsAccrueOnlyOnWhatIsOverdue() {
		var schedule = List.of(new LateFee.Instalment(DUE, 500_000L), new LateFee.Instalment(DUE.plusMonths(1), 500_000L));
		// the first half paid on time, nothing else: nothing overdue until the second due day
		var paidFirst = List.of(new LateFee.Payment(DUE, 500_000L));
		assertThat(LateFee.asOf(FINE, schedule, paidFirst, List.of(), DUE.plusMonths(1)).fee()).isZero();
		// two days after the second due day: 2 × 3% × 5,000 yuan
		assertThat(LateFee.asOf(FINE, schedule, paidFirst, List.of(), DUE.plusMonths(1).plusDays(2)).fee()).isEqualTo(30_000L);
		// the first instalment missed: 3% of 5,000 yuan a day until the second falls due, then of 10,000
		assertThat(LateFee.asOf(FINE, schedule, List.of(), List.of(), DUE.plusDays(2)).fee()).isEqualTo(30_000L);
	}
}
