package zhifa.penalty;

import java.time.LocalDate;
import java.util.List;

/**
 * 加处罚款 (行政处罚法第七十二条第一款第（一）项; 行政强制法第四十五条): for every day past the payment due day, 3% of the fine
 * still unpaid that day, never more in total than the fine; no accrual while 复议 or 诉讼 is pending (行政处罚法第七十三条).
 * Pure and exact: fen and whole days, rounded down once at the end.
 */
public final class LateFee {

	private LateFee() {
	}

	public record Payment(LocalDate paidOn, long amount) {
	}

	/** A period (inclusive) in which no late fee accrues; {@code to} null while still pending. */
	public record Pause(LocalDate from, LocalDate to) {

		boolean covers(LocalDate day) {
			return !day.isBefore(from) && (to == null || !day.isAfter(to));
		}
	}

	/** The fee as of a day, with how many days counted. */
	public record Result(long fee, int daysCounted, boolean capped, long unpaid) {
	}

	/**
	 * @param fine the fine in fen (the cap)
	 * @param due the last day to pay without a fee (after any approved deferral)
	 * @param payments payments of the fine, any order
	 * @param pauses 复议/诉讼 periods
	 * @param asOf the day to compute for (inclusive)
	 */
	public static Result asOf(long fine, LocalDate due, List<Payment> payments, List<Pause> pauses, LocalDate asOf) {
		return asOf(fine, List.of(new Instalment(due, fine)), payments, pauses, asOf);
	}

	/** One part of the fine and the last day to pay it (a single due day is one instalment of the whole fine). */
	public record Instalment(LocalDate due, long amount) {
	}

	/**
	 * With instalments approved under 第六十六条: on each day the fee is 3% of what is overdue and unpaid — the instalments
	 * whose due day has passed, less everything paid by then.
	 */
	public static Result asOf(long fine, List<Instalment> schedule, List<Payment> payments, List<Pause> pauses, LocalDate asOf) {
		LocalDate first = schedule.stream().map(Instalment::due).min(LocalDate::compareTo).orElseThrow();
		long sumUnpaid = 0;
		int days = 0;
		for (LocalDate day = first.plusDays(1); !day.isAfter(asOf); day = day.plusDays(1)) {
			LocalDate d = day;
			long paid = payments.stream().filter(p -> !p.paidOn().isAfter(d)).mapToLong(Payment::amount).sum();
			if (paid >= fine) {
				break;
			}
			long overdue = schedule.stream().filter(i -> i.due().isBefore(d)).mapToLong(Instalment::amount).sum() - paid;
			if (overdue <= 0 || pauses.stream().anyMatch(p -> p.covers(d))) {
				continue;
			}
			sumUnpaid += overdue;
			days++;
		}
		long fee = sumUnpaid * 3 / 100;
		boolean capped = fee >= fine;
		long unpaidNow = Math.max(0, fine - payments.stream().filter(p -> !p.paidOn().isAfter(asOf)).mapToLong(Payment::amount).sum());
		return new Result(Math.min(fee, fine), days, capped, unpaidNow);
	}
}
