package zhifa.record;

import java.util.Map;

/**
 * Published synchronously, inside the appending transaction, after an entry is written: a listener that writes in
 * response (the outbound exchange's outbox) commits or rolls back with the change itself.
 */
public record RecordAppended(String subjectType, String subjectId, Long ownerBodyId, String action, Map<String, ?> payload) {
}
