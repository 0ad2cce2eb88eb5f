package zhifa.shared;

/**
 * 数据范围: which bodies' data a user may see. Every query and command is filtered by one.
 * <ul>
 * <li>{@link Kind#ALL}: the platform administrator.</li>
 * <li>{@link Kind#REGION_SUBTREE}: a supervisor (执法监督人员) sees every body whose region lies in the subtree of
 * its own body's region ({@code regionPath} is that region's materialised path, e.g. {@code /1/2/3/}).</li>
 * <li>{@link Kind#BODY}: everybody else sees only their own body.</li>
 * </ul>
 */
public record DataScope(Kind kind, Long bodyId, String regionPath) implements java.io.Serializable {

	public enum Kind {
		ALL, REGION_SUBTREE, BODY
	}

	public static DataScope all() {
		return new DataScope(Kind.ALL, null, null);
	}

	public static DataScope body(long bodyId) {
		return new DataScope(Kind.BODY, bodyId, null);
	}

	public static DataScope regionSubtree(long ownBodyId, String regionPath) {
		return new DataScope(Kind.REGION_SUBTREE, ownBodyId, regionPath);
	}

	/** Whether a body with this id and region path is visible. */
	public boolean covers(long otherBodyId, String otherRegionPath) {
		return switch (kind) {
			case ALL -> true;
			case BODY -> bodyId == otherBodyId;
			case REGION_SUBTREE -> otherRegionPath != null && otherRegionPath.startsWith(regionPath);
		};
	}

	/**
	 * A SQL condition over a body id column and its region path column, with named parameters {@code scopeBodyId}
	 * and {@code scopeRegionPath} (see {@link #bind}).
	 */
	public String sqlCondition(String bodyIdColumn, String regionPathColumn) {
		return switch (kind) {
			case ALL -> "true";
			case BODY -> bodyIdColumn + " = :scopeBodyId";
			case REGION_SUBTREE -> regionPathColumn + " like :scopeRegionPath";
		};
	}

	public java.util.Map<String, Object> bind(java.util.Map<String, Object> params) {
		var copy = new java.util.HashMap<>(params);
		copy.put("scopeBodyId", bodyId);
		copy.put("scopeRegionPath", regionPath == null ? null : regionPath + "%");
		return copy;
	}
}
