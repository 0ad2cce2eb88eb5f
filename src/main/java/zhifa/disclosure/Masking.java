package zhifa.disclosure;

import java.util.regex.Pattern;

/**
 * How a published decision names people and places (国办发〔2018〕118号; 政府信息公开条例第十五条): a natural person by
 * surname and 某 (张三 → 张某), no ID number, no phone number, the place no finer than the township; an organisation by its
 * name and 统一社会信用代码. Pure functions, applied to every text that goes public.
 */
public final class Masking {

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
	/** The fifteen-digit ID numbers issued before 1999. */
	private static final Pattern OLD_ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}(?![0-9A-Za-z])");
	/** Mobile numbers, also written in groups (138-1234-5678, 138 1234 5678). */
	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d[-\\s]?\\d{4}[-\\s]?\\d{4}(?!\\d)");
	private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)");
	private static final Pattern NOTE = Pattern.compile("[（(][^）)]*[）)]$");

	private Masking() {
	}

	/** A natural person's name as published: the surname and 某 (a note in brackets at the end, such as （演示）, is kept). */
	public static String person(String name) {
		if (name == null || name.isBlank()) {
			return "某某";
		}
		String n = name.strip();
		var note = NOTE.matcher(n);
		String suffix = "";
		if (note.find()) {
			suffix = note.group();
			n = n.substring(0, note.start()).strip();
		}
		if (n.isEmpty()) {
			return "某某" + suffix;
		}
		int first = n.codePointAt(0);
		return new String(Character.toChars(first)) + "某" + suffix;
	}

	/**
	 * Free text about a party as published: the natural person's name replaced by its masked form and the precise place
	 * (house number, street) removed, then ID numbers and phone numbers replaced.
	 */
	public static String text(String text, String personName, String placeDetail) {
		if (text == null) {
			return "";
		}
		String t = text;
		if (personName != null && !personName.isBlank()) {
			String name = personName.strip();
			var note = NOTE.matcher(name);
			String bare = note.find() ? name.substring(0, note.start()).strip() : name;
			t = t.replace(name, person(name));
			if (bare.length() > 1) {
				t = t.replace(bare, person(bare));
			}
		}
		if (placeDetail != null && placeDetail.strip().length() > 1) {
			t = t.replace(placeDetail.strip(), "［详细地址已隐去］");
		}
		return text(t);
	}

	/** Whether a published text still carries what must not be published: the person's full name, an ID number, a phone number. */
	public static boolean leaks(String text, String personName) {
		if (text == null) {
			return false;
		}
		String bare = personName == null ? "" : NOTE.matcher(personName.strip()).replaceAll("").strip();
		return bare.length() > 1 && text.contains(bare) || ID_NUMBER.matcher(text).find() || OLD_ID_NUMBER.matcher(text).find()
				|| MOBILE.matcher(text).find() || LANDLINE.matcher(text).find();
	}

	/** Free text as published: ID numbers and phone numbers replaced. */
	public static String text(String text) {
		if (text == null) {
			return "";
		}
		String t = ID_NUMBER.matcher(text).replaceAll("［身份证号码已隐去］");
		t = OLD_ID_NUMBER.matcher(t).replaceAll("［身份证号码已隐去］");
		t = MOBILE.matcher(t).replaceAll("［电话已隐去］");
		return LANDLINE.matcher(t).replaceAll("［电话已隐去］");
	}
}
