package zhifa.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The record in words a user understands: every page that shows entries (the timeline, the latest entries, the home
 * page, a case's page) asks here for an action's Chinese name, the subject by its name, the actor by his name (the
 * login id stays in the stored entry, which the hash covers, and on the accounts page) and the payload as labelled
 * lines. The names come from the modules' {@link RecordVocabulary} beans.
 */
@Service
public class RecordLabels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Codes written joined by commas (a body's 执法领域: {@code HEALTH,MARKET}). */
	private static final Pattern CODES = Pattern.compile("^[A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)+$");

	/** An entry as a page shows it. */
	public record Line(RecordEntry entry, String action, String subject, String actor, List<String> details) {
	}

	private final List<RecordVocabulary> vocabularies;
	private final Map<String, String> actions = new HashMap<>();
	private final Map<String, String> fields = new HashMap<>();
	private final java.util.Set<String> money = new java.util.HashSet<>();
	private final Map<String, String> subjectTypes = new HashMap<>();
	private final Map<String, String> values = new HashMap<>();
	private final Map<String, RecordVocabulary> owners = new HashMap<>();
	/** The labels each subject type's own module gives its fields: they come first (the same word means different things in two modules). */
	private final Map<String, Map<String, String>> ownFields = new HashMap<>();
	/** The names each subject type's own module gives its codes: they come first too ({@code PUBLIC} is 网上投诉 for a complaint, not an exam's 公共法律知识). */
	private final Map<String, Map<String, String>> ownValues = new HashMap<>();

	RecordLabels(List<RecordVocabulary> vocabularies) {
		this.vocabularies = vocabularies;
		for (RecordVocabulary v : vocabularies) {
			putAll(actions, v.actions(), "action");
			v.fields().forEach(fields::putIfAbsent);
			money.addAll(v.moneyFields());
			v.values().forEach(values::putIfAbsent);
			v.subjectTypes().forEach((type, name) -> {
				putAll(subjectTypes, Map.of(type, name), "subject type");
				owners.put(type, v);
				ownFields.put(type, Map.copyOf(v.fields()));
				ownValues.put(type, Map.copyOf(v.values()));
			});
		}
	}

	private static void putAll(Map<String, String> into, Map<String, String> from, String what) {
		from.forEach((k, v) -> {
			String before = into.putIfAbsent(k, v);
			if (before != null && !before.equals(v)) {
				throw new IllegalStateException("two modules name the " + what + " " + k + ": " + before + ", " + v);
			}
		});
	}

	/** Every action code that has a Chinese name. */
	public Set<String> knownActions() {
		return Set.copyOf(actions.keySet());
	}

	/** Every payload field that has a Chinese label. */
	public Set<String> knownFields() {
		return Set.copyOf(fields.keySet());
	}

	/** The action's Chinese name; an unnamed action (which the labels test prevents) as 其他操作. */
	public String action(String code) {
		return actions.getOrDefault(code, "其他操作");
	}

	public String field(String key) {
		return fields.getOrDefault(key, key);
	}

	/** The subject type's Chinese name (执法主体…). */
	public String subjectType(String type) {
		return subjectTypes.getOrDefault(type, "记录对象");
	}

	/** The person who acted, by name: {@code scj.zhifa（张伟）} → 张伟; a token or the system as written. */
	public String person(String actorName) {
		return zhifa.shared.web.Formats.name(actorName);
	}

	/** One subject's name as a heading says it: 处罚案件 芒市监罚立〔2026〕3号. */
	public String subject(String type, String id) {
		String name = names(type, List.of(id)).get(id);
		return name == null ? subjectType(type) : subjectType(type) + " " + name;
	}

	/** Entries as a page shows them, their subjects named with one query per subject type. */
	public List<Line> lines(List<RecordEntry> entries) {
		Map<String, Set<String>> idsByType = new HashMap<>();
		entries.forEach(e -> idsByType.computeIfAbsent(e.subjectType(), t -> new LinkedHashSet<>()).add(e.subjectId()));
		Map<String, Map<String, String>> names = new HashMap<>();
		idsByType.forEach((type, ids) -> names.put(type, names(type, ids)));
		List<Line> lines = new ArrayList<>(entries.size());
		for (RecordEntry e : entries) {
			String name = names.get(e.subjectType()).get(e.subjectId());
			String subject = name == null ? subjectType(e.subjectType()) : subjectType(e.subjectType()) + " " + name;
			lines.add(new Line(e, action(e.action()), subject, person(e.actorName()), details(e)));
		}
		return lines;
	}

	private Map<String, String> names(String type, Collection<String> ids) {
		RecordVocabulary owner = owners.get(RecordQueries.ALIASES.entrySet().stream()
			.filter(a -> a.getValue().contains(type)).map(Map.Entry::getKey).findFirst().orElse(type));
		return owner == null ? Map.of() : owner.subjectNames(type, ids);
	}

	/** The payload as readable lines: changed fields as "字段：旧 → 新", other data as "字段：值". */
	@SuppressWarnings("unchecked")
	public List<String> details(RecordEntry e) {
		Map<String, Object> payload;
		try {
			payload = JSON.readValue(e.payload(), Map.class);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		Map<String, String> own = ownFields.getOrDefault(e.subjectType(), Map.of());
		java.util.function.Function<String, String> label = key -> own.getOrDefault(key, field(key));
		Map<String, String> codes = ownValues.getOrDefault(e.subjectType(), Map.of());
		Object changes = payload.get("changes");
		if (changes instanceof Map<?, ?> map) {
			return map.entrySet().stream().map(en -> {
				Object change = en.getValue();
				if (change instanceof Map<?, ?> c) {
					String key = String.valueOf(en.getKey());
					return label.apply(key) + "：" + value(key, c.get("from"), codes) + " → " + value(key, c.get("to"), codes);
				}
				return label.apply(String.valueOf(en.getKey())) + "：" + value(String.valueOf(en.getKey()), change, codes);
			}).toList();
		}
		return payload.entrySet().stream().map(en -> label.apply(en.getKey()) + "：" + value(en.getKey(), en.getValue(), codes)).toList();
	}

	/** A value of a field: money in fen as yuan, the rest as {@link #value(Object, Map)}. */
	private String value(String key, Object v, Map<String, String> codes) {
		return money.contains(key) && v instanceof Number n ? zhifa.shared.Money.yuan(n.longValue()) : value(v, codes);
	}

	/** A value in words: a code by the subject's own module's name for it first ({@code codes}), then any module's. */
	private String value(Object v, Map<String, String> codes) {
		if (v == null || "".equals(v)) {
			return "（空）";
		}
		if (v instanceof Boolean b) {
			return b ? "是" : "否";
		}
		if (v instanceof Collection<?> list) {
			return list.isEmpty() ? "（空）" : list.stream().map(x -> value(x, codes)).collect(Collectors.joining("、"));
		}
		if (v instanceof Map<?, ?> map) {
			return map.entrySet().stream().map(en -> field(String.valueOf(en.getKey())) + " " + value(en.getValue(), codes))
				.collect(Collectors.joining("，"));
		}
		String s = String.valueOf(v);
		if (CODES.matcher(s).matches()) {
			return java.util.Arrays.stream(s.split(",")).map(c -> codes.getOrDefault(c, values.getOrDefault(c, c))).collect(Collectors.joining("、"));
		}
		return codes.getOrDefault(s, values.getOrDefault(s, s));
	}

	List<RecordVocabulary> vocabularies() {
		return vocabularies;
	}
}
