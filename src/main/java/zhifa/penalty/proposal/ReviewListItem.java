package zhifa.penalty.proposal;

/** A matter on the body's 法制审核目录清单, with why it is there and who put it there. */
public record ReviewListItem(long matterId, String code, String name, String note, String addedBy) {
}
