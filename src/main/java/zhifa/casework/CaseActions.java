package zhifa.casework;

/**
 * The actions the kernel and the attachable modules take on a case of any kind. A kind lets them happen by declaring a
 * transition with this action name in its lifecycle (with the stages, roles and guard it wants); a kind that does not
 * declare one does not allow it.
 */
public final class CaseActions {

	/** 收集证据 (行政处罚法第四十六条、第五十四条第一款). */
	public static final String EVIDENCE = "evidence";

	/** 制作询问笔录、现场检查笔录 (行政处罚法第五十五条). */
	public static final String TRANSCRIPT = "transcript";

	/** 先行登记保存 (行政处罚法第五十六条). */
	public static final String PRESERVATION = "preservation";

	/** The 处理决定 on what was kept under 先行登记保存, within seven working days (行政处罚法第五十六条). */
	public static final String PRESERVATION_DECISION = "preservation-decision";

	/** 生成执法文书. */
	public static final String DOCUMENT = "document";

	/** 查封、扣押 (行政强制法第二十二至二十五条), kept by the coercion module. */
	public static final String COERCIVE_MEASURE = "coercive-measure";

	/** Extending a 查封、扣押 once by thirty days (行政强制法第二十五条). */
	public static final String COERCIVE_MEASURE_EXTENSION = "coercive-measure-extension";

	/** The 处理决定 on a 查封、扣押: 解除、没收、销毁 (行政强制法第二十七、二十八条). */
	public static final String COERCIVE_MEASURE_END = "coercive-measure-end";

	/** 行政强制执行: 催告, the party's statement, the result (行政强制法第三十五、三十六条), kept by the coercion module. */
	public static final String ENFORCEMENT = "enforcement";

	/** 行政强制执行: the 强制执行决定 or the application to the people's court (行政强制法第三十七、五十三条). */
	public static final String ENFORCEMENT_APPLICATION = "enforcement-application";

	private CaseActions() {
	}
}
