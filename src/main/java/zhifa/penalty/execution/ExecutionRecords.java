package zhifa.penalty.execution;

import java.time.LocalDate;

import zhifa.penalty.LateFee;

/** What execution of a penalty decision keeps: service, payments, remedies, notes, and the account they add up to. */
public final class ExecutionRecords {

	private ExecutionRecords() {
	}

	/** 送达方式 (行政处罚法第六十一条 and the 民事诉讼法 methods it refers to). */
	public enum ServiceMethod {
		DIRECT("直接送达"), LEAVE("留置送达"), MAIL("邮寄送达"), ENTRUST("委托送达"), FORWARD("转交送达"), ANNOUNCE("公告送达"), ELECTRONIC("电子送达");

		private final String label;

		ServiceMethod(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record ServiceForm(ServiceMethod method, LocalDate servedOn, String recipient, String proof, String witnesses, String trackingNo,
			String consentRef, LocalDate announceFrom, Integer announceDays) {
	}

	public record Served(ServiceMethod method, LocalDate servedOn, String recipient, String proof, String witnesses, String trackingNo,
			String consentRef, LocalDate announceFrom, Integer announceDays) {
	}

	public record PaymentRecord(long id, LocalDate paidOn, long amount, String receiptNo) {
	}

	/** 暂缓缴纳 approved (第六十六条): the new due day, who approved it and when. */
	public record DeferralRecord(LocalDate newDue, String approvedBy, LocalDate approvedOn) {
	}

	/** 行政复议 ({@code REVIEW}) or 行政诉讼 ({@code LITIGATION}) against the decision, and how it ended. */
	public record Remedy(long id, String kind, LocalDate startedOn, LocalDate endedOn, String outcome, String note) {

		/** The outcome in words (null while under way). */
		public String outcomeLabel() {
			return outcome == null ? null : zhifa.supervision.ActReport.Remedy.outcomeLabel(outcome);
		}
	}

	/** Execution of a penalty other than money: 吊销许可证 on a day, 停产停业 from/to, and the like. */
	public record ExecutionNote(long id, String content, LocalDate from, LocalDate to) {
	}

	/**
	 * Where the money stands on a day: fine, due day (after deferral), paid, unpaid, late fee to the day, status, and the
	 * 没收违法所得 decided (paid in like the fine within fifteen days of service, 第六十七条; no late fee, 第七十二条 adds to
	 * the fine only), what of it is unpaid and by when (fifteen days after service, whatever was approved for the fine).
	 */
	public record Account(long fine, LocalDate due, boolean deferred, long paid, long unpaidFine, LateFee.Result lateFee, long outstanding,
			String status, long gains, long unpaidGains, LocalDate gainsDue, LocalDate unpaidFineDue) {
	}
}
