package zhifa.casework;

import java.util.List;

/**
 * Implemented by whatever attaches to a case and must be finished before the case is closed — 先行登记保存 awaiting its
 * 处理决定, a 查封 or 扣押 not yet released or decided. Every kind asks all of them before 结案 ({@link CaseKinds#closureBlockers}).
 */
public interface ClosureCheck {

	/** What still stands open on the case, each in Chinese with its article; empty when nothing does. */
	List<String> blockers(CaseFile c);
}
