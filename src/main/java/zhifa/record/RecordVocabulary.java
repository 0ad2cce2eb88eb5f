package zhifa.record;

import java.util.Collection;
import java.util.Map;

/**
 * What a module tells the full-process record about the entries it writes, so that people read Chinese rather than
 * codes: the names of its actions ({@code case.decided} → 作出处罚决定), of the fields in its payloads
 * ({@code hearingDue} → 听证期限), of its subject types and of the values it writes as codes (enum constants, 执法领域),
 * and the readable names of its subjects (a case number, a person's name, a body's name). Each module declares its own
 * as a bean; {@link RecordLabels} puts them together. {@code RecordLabelsIntegrationTest} fails when an action written
 * anywhere has no name here.
 */
public interface RecordVocabulary {

	/** Action code → its Chinese name. */
	Map<String, String> actions();

	/** Payload field → its Chinese label. */
	default Map<String, String> fields() {
		return Map.of();
	}

	/** Subject type → its Chinese name (执法主体, 处罚案件…). */
	/** Fields whose values are money in fen: shown as {@code 60,000.00元}. */
	default java.util.Set<String> moneyFields() {
		return java.util.Set.of();
	}

	default Map<String, String> subjectTypes() {
		return Map.of();
	}

	/** Codes written as values (enum constants, 执法领域 codes) → their Chinese names. */
	default Map<String, String> values() {
		return Map.of();
	}

	/**
	 * Readable names of some subjects of one of this module's {@link #subjectTypes() types}, by id, in one query; ids it
	 * cannot name are left out.
	 */
	default Map<String, String> subjectNames(String subjectType, Collection<String> ids) {
		return Map.of();
	}

	/** The constants of enums that have a {@code label()}, by name → label, for {@link #values()}. */
	@SafeVarargs
	static Map<String, String> labelsOf(Class<? extends Enum<?>>... enums) {
		Map<String, String> labels = new java.util.HashMap<>();
		for (Class<? extends Enum<?>> type : enums) {
			try {
				java.lang.reflect.Method label = type.getMethod("label");
				for (Enum<?> constant : type.getEnumConstants()) {
					labels.putIfAbsent(constant.name(), String.valueOf(label.invoke(constant)));
				}
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalArgumentException(type + " has no label()", e);
			}
		}
		return labels;
	}
}
