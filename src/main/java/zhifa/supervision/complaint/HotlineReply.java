package zhifa.supervision.complaint;

import java.time.Instant;

/**
 * One reply owed to the 12345 system (出站): what it says as JSON, and how its delivery went — 待推送, 已推送, or 推送失败
 * (dead-lettered after the configured attempts, until the platform administrator pushes it again).
 *
 * @param id the polling cursor ({@code GET /api/v1/exchange/hotline-orders/replies?since=id})
 */
public record HotlineReply(long id, long complaintId, String receiptNo, long supervisingBodyId, String orderNo, String payload, State state,
		int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt, Instant createdAt) {

	public enum State {
		PENDING("待推送"), DELIVERED("已推送"), DEAD("推送失败");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
