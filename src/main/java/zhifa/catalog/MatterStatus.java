package zhifa.catalog;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** 事项状态: 草稿 → 有效 ⇄ 暂停 → 取消. A cancelled matter stays for the record. */
public enum MatterStatus {
	DRAFT("草稿"), ACTIVE("有效"), SUSPENDED("暂停"), CANCELLED("取消");

	private static final Map<MatterStatus, Set<MatterStatus>> NEXT = Map.of(DRAFT, EnumSet.of(ACTIVE, CANCELLED), ACTIVE,
			EnumSet.of(SUSPENDED, CANCELLED), SUSPENDED, EnumSet.of(ACTIVE, CANCELLED));

	private final String label;

	MatterStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean canBecome(MatterStatus next) {
		return NEXT.getOrDefault(this, Set.of()).contains(next);
	}
}
