package zhifa.organization;

/** 行政区划. {@code code} is the official code, or {@code null} while it is not known (never invented). */
public record Region(long id, String code, String name, RegionLevel level, Long parentId, String path) {

	public int depth() {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}
}
