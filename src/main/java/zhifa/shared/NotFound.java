package zhifa.shared;

/** The thing asked for does not exist, or lies outside the caller's data scope (the two are not told apart). */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super("未找到" + what + "，或您无权查看");
	}
}
