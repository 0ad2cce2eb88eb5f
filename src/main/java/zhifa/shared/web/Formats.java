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
		return instant == null ? "" : TIME.format(instant);
	}

	/** Option letter A, B, C… for a zero-based index. */
	public String letter(int index) {
		return String.valueOf((char) ('A' + index));
	}

	public String shortTime(Instant instant) {
		return instant == null ? "" : SHORT.format(instant);
	}
}
