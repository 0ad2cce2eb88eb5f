package zhifa.record;

/**
 * The result of checking one subject's chain.
 *
 * @param intact whether every entry's hash matches its content, links to the previous one and carries a valid MAC
 * @param entries how many entries were checked
 * @param firstBrokenSeq the first sequence number that does not hold, or {@code null}
 * @param check which check found it ({@link RecordVerifier#LINKS} or {@link RecordVerifier#MACS}), or {@code null}
 * @param reason why it broke, in Chinese, or {@code null}
 */
public record ChainVerification(String subjectType, String subjectId, boolean intact, long entries, Long firstBrokenSeq, String check,
		String reason) {
}
