package zhifa.penalty.simple;

/** A range of pre-printed, numbered 当场处罚决定书 allocated to the body or one officer, with how many are used or voided. */
public record FormRange(long id, long bodyId, Long officerId, String officerName, String prefix, int first, int last, int used, int voided) {
}
