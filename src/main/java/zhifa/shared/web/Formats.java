package zhifa.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formatting for templates ({@code ${@fmt.time(x)}}): times in Asia/Shanghai. */
@Component("fmt")
public class Formats {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZONE);

	public String time(Instant instant) {
		return at(instant);
	}

	/** The same for messages and documents built outside templates (the one place that reads the stored form). */
	public static String at(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	/** Option letter A, B, C… for a zero-based index. */
	public String letter(int index) {
		return String.valueOf((char) ('A' + index));
	}

	/** Money in fen as {@code 60,000.00元} ({@link zhifa.shared.Money#yuan}). */
	public String yuan(Long fen) {
		return zhifa.shared.Money.yuan(fen);
	}

	/** Money in fen as a form field holds it ({@code 60000.00}), empty for none. */
	public String plain(Long fen) {
		return zhifa.shared.Money.plain(fen);
	}

	/**
	 * A person by name: who acted is stored as {@code login（姓名）} (the record and the "by" columns keep the login id for
	 * the audit); pages show the name only. Anything else (a token, the system, free text) as written.
	 */
	public String person(String operatorName) {
		return name(operatorName);
	}

	/** The same for messages and documents built outside templates (the one place that reads the stored form). */
	public static String name(String operatorName) {
		if (operatorName == null) {
			return "";
		}
		java.util.regex.Matcher m = USER.matcher(operatorName.strip());
		return m.matches() ? m.group(1) : operatorName.strip();
	}

	private static final java.util.regex.Pattern USER = java.util.regex.Pattern.compile("^[A-Za-z0-9_.-]{3,50}（(.+)）$");

	public String shortTime(Instant instant) {
		return instant == null ? "" : SHORT.format(instant);
	}
}
