package zhifa.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a body's catalogue, in words a reviewer reads: items added, items removed
 * (取消), and for each item kept the fields that changed (matched by 事项编码).
 */
public record CatalogueDiff(List<CatalogueEntry> added, List<CatalogueEntry> removed, List<Change> changed) {

	/** An item in both versions with the changed fields, each as one line such as {@code 名称：甲 → 乙}. */
	public record Change(String code, String name, List<String> lines) {
	}

	public static CatalogueDiff between(List<CatalogueEntry> before, List<CatalogueEntry> after) {
		Map<String, CatalogueEntry> old = index(before);
		Map<String, CatalogueEntry> now = index(after);
		List<CatalogueEntry> added = now.values().stream().filter(e -> !old.containsKey(e.code())).toList();
		List<CatalogueEntry> removed = old.values().stream().filter(e -> !now.containsKey(e.code())).toList();
		List<Change> changed = new ArrayList<>();
		for (CatalogueEntry b : now.values()) {
			CatalogueEntry a = old.get(b.code());
			if (a == null) {
				continue;
			}
			List<String> lines = new ArrayList<>();
			field(lines, "名称", a, b, CatalogueEntry::name);
			field(lines, "类别", a, b, e -> e.type().label());
			field(lines, "执法领域", a, b, CatalogueEntry::domainCode);
			field(lines, "下放乡镇（街道）", a, b, e -> e.township() ? "是" : "否");
			field(lines, "状态", a, b, e -> e.status().label());
			list(lines, "法律依据", a.basis(), b.basis());
			list(lines, "违法行为编码", a.violationCodes(), b.violationCodes());
			if (!lines.isEmpty()) {
				changed.add(new Change(b.code(), b.name(), lines));
			}
		}
		return new CatalogueDiff(added, removed, changed);
	}

	public boolean isEmpty() {
		return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
	}

	/** e.g. 新增 2 项、取消 1 项、调整 1 项; 无变化 when nothing changed. */
	public String summary() {
		List<String> parts = new ArrayList<>();
		if (!added.isEmpty()) {
			parts.add("新增 " + added.size() + " 项");
		}
		if (!removed.isEmpty()) {
			parts.add("取消 " + removed.size() + " 项");
		}
		if (!changed.isEmpty()) {
			parts.add("调整 " + changed.size() + " 项");
		}
		return parts.isEmpty() ? "无变化" : String.join("、", parts);
	}

	private static Map<String, CatalogueEntry> index(List<CatalogueEntry> entries) {
		Map<String, CatalogueEntry> m = new LinkedHashMap<>();
		entries.stream().sorted(java.util.Comparator.comparing(CatalogueEntry::code)).forEach(e -> m.put(e.code(), e));
		return m;
	}

	private static void field(List<String> lines, String label, CatalogueEntry a, CatalogueEntry b, Function<CatalogueEntry, String> f) {
		if (!Objects.equals(f.apply(a), f.apply(b))) {
			lines.add(label + "：" + f.apply(a) + " → " + f.apply(b));
		}
	}

	private static void list(List<String> lines, String label, List<String> a, List<String> b) {
		List<String> plus = b.stream().filter(x -> !a.contains(x)).toList();
		List<String> minus = a.stream().filter(x -> !b.contains(x)).toList();
		List<String> parts = new ArrayList<>();
		if (!plus.isEmpty()) {
			parts.add("增加 " + String.join("、", plus));
		}
		if (!minus.isEmpty()) {
			parts.add("删除 " + String.join("、", minus));
		}
		if (!parts.isEmpty()) {
			lines.add(label + "：" + String.join("；", parts));
		}
	}
}
