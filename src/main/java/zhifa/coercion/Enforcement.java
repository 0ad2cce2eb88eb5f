package zhifa.coercion;

import java.time.LocalDate;

import zhifa.casework.Stage;

/**
 * 行政强制执行 of one case: the obligation it enforces, the 催告 and the party's statement, the route taken and the result.
 */
public record Enforcement(long caseId, Step stage, String obligation, Long amount, LocalDate urgeServedOn, String urgeProof, String statement,
		String statementReview, LocalDate appliedOn, String court, LocalDate decidedOn, String decisionNumber, String powerBasis, String result,
		LocalDate resultOn) {

	/** Where the procedure stands. */
	public enum Step {
		URGED("已催告", true, "听取陈述申辩，期满申请法院强制执行或作出强制执行决定"),
		APPLIED("已申请人民法院强制执行", true, "登记法院裁定和执行结果"),
		DECIDED("已作出强制执行决定", true, "实施强制执行，登记结果"),
		DONE("执行完毕", false, "已办结");

		private final Stage stage;

		Step(String label, boolean open, String todo) {
			this.stage = new Stage(name(), label, open, todo);
		}

		public String label() {
			return stage.label();
		}

		public Stage stage() {
			return stage;
		}
	}

	/** Whether the result is in (法院裁定 or 执行完毕). */
	public boolean done() {
		return stage == Step.DONE;
	}
}
