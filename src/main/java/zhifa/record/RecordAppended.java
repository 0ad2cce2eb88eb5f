package zhifa.record;

import java.util.Map;

/** An entry just written, as its {@link RecordFollower}s are told of it inside the appending transaction. */
public record RecordAppended(String subjectType, String subjectId, Long ownerBodyId, String action, Map<String, ?> payload) {
}
