package zhifa.shared.web;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import zhifa.shared.BusinessRuleViolation;

/**
 * The edge every JSON request body passes before a service sees it: hostile input gets a 400 with a Chinese message per
 * field, and nothing is written. Walks the bound object (records, beans, lists, sets, maps) and refuses
 * <ul>
 * <li>control characters (NUL and the other C0 controls but tab and line breaks, DEL) in any text;</li>
 * <li>text longer than its column: the size of the {@code varchar} column of the same name (the largest where several
 * tables have one), {@value #TEXT_COLUMN} characters for a {@code text} column, {@value #UNKNOWN} for a field no
 * column is named after, unless the field is marked {@link LongText};</li>
 * <li>{@code null} inside a list or set (e.g. {@code officerIds:[null]}), and more than {@value #MAX_ITEMS} items;</li>
 * <li>ids below 1 (fields named {@code id}, {@code …Id}, {@code …Ids}), whole numbers beyond ±10¹³ (money is in fen: 10¹³
 * fen is 1,000亿元), decimals beyond ±10¹¹ (yuan);</li>
 * <li>dates outside the years 1900–2199 (a deferral to the year 99999).</li>
 * </ul>
 * What the database still refuses (a foreign key, a check) is told in Chinese by {@link DatabaseRefusal}.
 */
@ControllerAdvice
public class RequestLimits extends RequestBodyAdviceAdapter {

	static final int TEXT_COLUMN = 20_000;
	static final int UNKNOWN = 2_000;
	static final int MAX_ITEMS = 1_000;
	static final long MAX_WHOLE = 10_000_000_000_000L;
	static final BigDecimal MAX_DECIMAL = new BigDecimal("100000000000");
	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
	static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

	private final JdbcTemplate jdbc;
	private volatile Map<String, Integer> columnLimits;

	RequestLimits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		Map<String, String> errors = new LinkedHashMap<>();
		check(body, null, null, UNKNOWN, errors, 0);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("提交的数据有 " + errors.size() + " 处错误：" + String.join("；", errors.values()), errors);
		}
		return body;
	}

	/**
	 * NUL and the other C0 controls but tab and line breaks, and DEL: never part of a text a person typed; and the invisible
	 * direction and width marks (U+200B, U+200E–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF), with which a
	 * pasted text shows other than it is ("gnp.exe" reversed reads "exe.png") and which no font of the documents can set. The
	 * joiners U+200C and U+200D stay (emoji and some scripts need them).
	 */
	public static boolean hasControlCharacters(String s) {
		if (s == null) {
			return false;
		}
		for (int i = 0, n = s.length(); i < n; i++) {
			if (invisible(s.charAt(i)) || unpaired(s, i)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Half of a surrogate pair without its other half ("\ud800" in JSON): no character at all, which the database's UTF-8
	 * stored as "?".
	 */
	static boolean unpaired(String s, int i) {
		char c = s.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
		}
		return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
	}

	/** The text without the characters {@link #hasControlCharacters} refuses (the same text when it has none). */
	public static String visible(String s) {
		if (!hasControlCharacters(s)) {
			return s;
		}
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0, n = s.length(); i < n; i++) {
			if (!invisible(s.charAt(i)) && !unpaired(s, i)) {
				b.append(s.charAt(i));
			}
		}
		return b.toString();
	}

	/** See {@link #hasControlCharacters}. */
	public static boolean invisible(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || c == 0x200b || c == 0x200e || c == 0x200f
				|| (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
	}

	/** varchar size (largest of equally named columns) or {@link #TEXT_COLUMN} for text, by snake_case column name. */
	private Map<String, Integer> limits() {
		Map<String, Integer> limits = columnLimits;
		if (limits == null) {
			Map<String, Integer> m = new HashMap<>();
			jdbc.query("""
					select column_name, data_type, character_maximum_length from information_schema.columns
					where table_schema = current_schema() and data_type in ('character varying', 'text', 'character')""", rs -> {
				int size = "text".equals(rs.getString(2)) ? TEXT_COLUMN : rs.getInt(3);
				m.merge(rs.getString(1), size, Math::max);
			});
			columnLimits = limits = Map.copyOf(m);
		}
		return limits;
	}

	/** {@code partyName} → {@code party_name}: an underscore before a capital that follows a small letter or digit, all in small letters. */
	static String snake(String camel) {
		StringBuilder out = new StringBuilder(camel.length() + 4);
		for (int i = 0; i < camel.length(); i++) {
			char c = camel.charAt(i);
			if (c >= 'A' && c <= 'Z' && i > 0) {
				char before = camel.charAt(i - 1);
				if ((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9')) {
					out.append('_');
				}
			}
			out.append(c);
		}
		return out.toString().toLowerCase(java.util.Locale.ROOT);
	}

	/** The longest text a field of this name may hold ({@link LongText} first, then its column's size). */
	private int maxLength(String field, LongText longText) {
		return longText != null ? longText.max() : field == null ? UNKNOWN : limits().getOrDefault(snake(field), UNKNOWN);
	}

	/** A property of a request's record or bean, read through its accessor: its name, and its text limit once known. */
	private static final class Part {
		final String name;
		final java.lang.reflect.Method read;
		final LongText longText;
		/** The longest text it may hold, once asked (0: not yet). */
		volatile int maxText;

		Part(String name, java.lang.reflect.Method read, LongText longText) {
			this.name = name;
			this.read = read;
			this.longText = longText;
			read.setAccessible(true);
		}
	}

	/**
	 * The parts of each request type, found once per type (the request types are the platform's own: a bounded set); per
	 * instance, as their text limits come from this instance's database.
	 */
	private final ClassValue<java.util.List<Part>> parts = new ClassValue<>() {
		@Override
		protected java.util.List<Part> computeValue(Class<?> type) {
			java.util.List<Part> parts = new java.util.ArrayList<>();
			if (type.isRecord()) {
				for (var component : type.getRecordComponents()) {
					parts.add(new Part(component.getName(), component.getAccessor(), component.getAnnotation(LongText.class)));
				}
				return java.util.List.copyOf(parts);
			}
			try {
				for (var property : java.beans.Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
					if (property.getReadMethod() != null && property.getWriteMethod() != null) {
						LongText lt = null;
						try {
							lt = type.getDeclaredField(property.getName()).getAnnotation(LongText.class);
						}
						catch (NoSuchFieldException e) {
							// a property without a field of its name
						}
						parts.add(new Part(property.getName(), property.getReadMethod(), lt));
					}
				}
			}
			catch (java.beans.IntrospectionException e) {
				throw new IllegalStateException("cannot inspect " + type.getName(), e);
			}
			return java.util.List.copyOf(parts);
		}
	};

	/**
	 * Where a value sits in the body ({@code acts[3].partyName}), spelled out only when something there is refused: a
	 * batch of a thousand acts has tens of thousands of values, nearly always all fine.
	 */
	private record Path(Path parent, String name, int index) {
		/** A property: joined with a dot, but not at the start. */
		static Path property(Path parent, String name) {
			return new Path(parent, name, -1);
		}

		/** The i-th item of a list or set. */
		static Path item(Path parent, int index) {
			return new Path(parent, null, index);
		}

		/** Text added as it is (a map's key: {@code .(键)}, {@code .key}). */
		static Path raw(Path parent, String text) {
			return new Path(parent, text, -2);
		}

		static String of(Path p) {
			return p == null ? "" : p.toString();
		}

		@Override
		public String toString() {
			String before = of(parent);
			return switch (index) {
				case -1 -> before.isEmpty() ? name : before + "." + name;
				case -2 -> before + name;
				default -> before + "[" + index + "]";
			};
		}
	}

	/** Records the refusal of the value at {@code at}: {@code what} follows the field's name in quotes (the body's, at the top). */
	private static void refuse(Map<String, String> errors, Path at, String what) {
		String path = Path.of(at);
		errors.putIfAbsent(path, "“" + (path.isEmpty() ? "请求体" : path) + "”" + what);
	}

	private void check(Object value, Path path, String field, int maxText, Map<String, String> errors, int depth) {
		if (value == null || depth > 12 || errors.size() >= 20) {
			return;
		}
		if (value instanceof CharSequence text) {
			String s = text.toString();
			if (hasControlCharacters(s)) {
				refuse(errors, path, "含有不允许的控制字符");
			}
			else if (s.length() > maxText) {
				refuse(errors, path, "不能超过" + maxText + "个字符（现为" + s.length() + "个）");
			}
			return;
		}
		if (value instanceof Number n) {
			checkNumber(n, path, field, errors);
			return;
		}
		if (value instanceof LocalDate d) {
			if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
				refuse(errors, path, "的日期" + d + "超出范围（1900年至2199年）");
			}
			return;
		}
		if (value instanceof Temporal || value instanceof Enum<?> || value instanceof Boolean || value instanceof Character) {
			return;
		}
		if (value instanceof Collection<?> items) {
			if (items.size() > MAX_ITEMS) {
				refuse(errors, path, "最多" + MAX_ITEMS + "项");
				return;
			}
			int i = 0;
			for (Object item : items) {
				if (item == null) {
					refuse(errors, path, "中不能有空值");
				}
				else {
					check(item, Path.item(path, i), field, maxText, errors, depth + 1);
				}
				i++;
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			if (map.size() > MAX_ITEMS) {
				refuse(errors, path, "最多" + MAX_ITEMS + "项");
				return;
			}
			map.forEach((k, v) -> {
				check(k, Path.raw(path, ".(键)"), null, UNKNOWN, errors, depth + 1);
				String key = String.valueOf(k);
				check(v, Path.raw(path, "." + k), key, v instanceof CharSequence || v instanceof Collection<?> ? maxLength(key, null) : UNKNOWN, errors,
						depth + 1);
			});
			return;
		}
		Class<?> type = value.getClass();
		if (!type.getName().startsWith("zhifa.")) {
			return;
		}
		try {
			for (Part part : parts.get(type)) {
				Object v = part.read.invoke(value);
				if (v != null) {
					// the limit only matters for text, alone or in a list
					int max = UNKNOWN;
					if (v instanceof CharSequence || v instanceof Collection<?>) {
						max = part.maxText;
						if (max == 0) {
							part.maxText = max = maxLength(part.name, part.longText);
						}
					}
					check(v, Path.property(path, part.name), part.name, max, errors, depth + 1);
				}
			}
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("cannot inspect " + type.getName(), e);
		}
	}

	private static void checkNumber(Number n, Path path, String field, Map<String, String> errors) {
		boolean id = field != null && (field.equals("id") || field.endsWith("Id") || field.endsWith("Ids"));
		if (n instanceof BigDecimal d) {
			if (d.abs().compareTo(MAX_DECIMAL) > 0) {
				refuse(errors, path, "超出允许的范围");
			}
			return;
		}
		if (n instanceof Double || n instanceof Float) {
			if (!Double.isFinite(n.doubleValue()) || Math.abs(n.doubleValue()) > MAX_WHOLE) {
				refuse(errors, path, "超出允许的范围");
			}
			return;
		}
		long v = n.longValue();
		if (id && v < 1) {
			refuse(errors, path, "不是有效的编号");
		}
		else if (!id && (v > MAX_WHOLE || v < -MAX_WHOLE)) {
			refuse(errors, path, "超出允许的范围");
		}
	}

	/** A text field longer than any column, e.g. a statute's full text to be imported. */
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@java.lang.annotation.Target({ java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.RECORD_COMPONENT })
	public @interface LongText {
		int max();
	}
}
