package zhifa.discretion;

/** 行政处罚的种类 (行政处罚法第九条). */
public enum PenaltyType {
	WARNING("警告"), CRITICISM("通报批评"), FINE("罚款"), CONFISCATE_GAINS("没收违法所得"), CONFISCATE_PROPERTY("没收非法财物"),
	SUSPEND_LICENCE("暂扣许可证件"), DOWNGRADE("降低资质等级"), REVOKE_LICENCE("吊销许可证件"), RESTRICT_BUSINESS("限制开展生产经营活动"),
	SUSPEND_BUSINESS("责令停产停业"), CLOSE("责令关闭"), RESTRICT_PRACTICE("限制从业"), DETENTION("行政拘留"), OTHER("其他");

	private final String label;

	PenaltyType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
