package zhifa.shared;

/**
 * A write made from a copy that someone else changed in the meantime (the optimistic version check): refused with
 * 409 and a Chinese message, and nothing is written — the loser's transaction rolls back before it consumes anything.
 */
public class StaleWrite extends Conflict {

	public StaleWrite(String what) {
		super(what + "已被他人修改（可能是同时提交了同一操作），本次操作未生效，请刷新后重试");
	}
}
