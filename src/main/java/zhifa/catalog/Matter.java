package zhifa.catalog;

import java.util.List;

/** 执法事项 as read, with the citations of its legal basis. */
public record Matter(long id, long bodyId, String bodyName, String code, String name, MatterType type, String domainCode, boolean township,
		MatterStatus status, List<String> basis, List<String> violationCodes, boolean demo) {
}
