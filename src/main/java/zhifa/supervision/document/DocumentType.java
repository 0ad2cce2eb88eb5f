package zhifa.supervision.document;

/** The kinds of 监督文书 a supervisor issues (《行政执法监督条例》; 芒市方案任务13). */
public enum DocumentType {
	NOTICE("监督通知书"), OPINION("监督意见书"), URGING("督办函"), RECTIFICATION("整改通知");

	private final String label;

	DocumentType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
