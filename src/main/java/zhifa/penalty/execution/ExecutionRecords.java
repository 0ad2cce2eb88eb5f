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

		/** The method named by its label (as the notice's service form sends it). */
		public static java.util.Optional<ServiceMethod> ofLabel(String label) {
			return java.util.Arrays.stream(values()).filter(m -> label != null && m.label.equals(label.strip())).findFirst();
		}

		/**
		 * What service by this method needs besides its proof, for the decision and the notice alike: the witnesses of
		 * 留置送达 (民事诉讼法第八十九条), the mail's number (its signature day is the service day), the party's written consent
		 * to 电子送达 (行政处罚法第六十一条第二款).
		 */
		public void requireDetails(String witnesses, String trackingNo, String consentRef) {
			switch (this) {
				case LEAVE -> {
					if (witnesses == null || witnesses.isBlank()) {
						throw zhifa.shared.BusinessRuleViolation.onField("witnesses", "留置送达应当邀请见证人到场并在送达回证上记明，请填写见证人");
					}
				}
				case MAIL -> {
					if (trackingNo == null || trackingNo.isBlank()) {
						throw zhifa.shared.BusinessRuleViolation.onField("trackingNo", "邮寄送达请填写邮件单号，以签收日期为送达日期");
					}
				}
				case ELECTRONIC -> {
					if (consentRef == null || consentRef.isBlank()) {
						throw zhifa.shared.BusinessRuleViolation.onField("consentRef", "电子送达须当事人同意并签订确认书（行政处罚法第六十一条第二款），请填写确认书编号");
					}
				}
				default -> {
				}
			}
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
