package zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordChainTest {

	private static final byte[] KEY = "a key outside the database 0123".getBytes();

	private static List<RecordEntry> chain(int n) {
		List<RecordEntry> entries = new ArrayList<>();
		String prev = RecordEntry.GENESIS;
		for (int i = 1; i <= n; i++) {
			String payload = FullProcessRecord.canonicalJson(Map.of("b", i, "a", "值" + i));
			RecordEntry draft = new RecordEntry(i, "body", "7", i, Instant.parse("2024-10-08T01:02:03.123456Z").plusSeconds(i),
					"USER", 3L, "scj.admin（王芳）", 7L, 7L, "body.updated", "修改", payload, prev, "", null);
			String hash = RecordEntry.hash(prev, draft.canonical());
			entries.add(new RecordEntry(i, "body", "7", i, draft.occurredAt(), "USER", 3L, draft.actorName(), 7L, 7L,
					"body.updated", "修改", payload, prev, hash, RecordKeys.mac(KEY, hash)));
			prev = hash;
		}
		return entries;
	}

	@Test
	void intactChainVerifies() {
		assertThat(RecordVerifier.verify("body", "7", chain(5)).intact()).isTrue();
	}

	@Test
	void changedPayloadBreaksTheChainAtThatEntry() {
		List<RecordEntry> entries = chain(5);
		RecordEntry e = entries.get(2);
		entries.set(2, new RecordEntry(e.id(), e.subjectType(), e.subjectId(), e.seq(), e.occurredAt(), e.actorKind(),
				e.actorId(), e.actorName(), e.actorBodyId(), e.ownerBodyId(), e.action(), e.summary(),
				e.payload().replace("值3", "值9"), e.prevHash(), e.hash(), e.mac()));
		var v = RecordVerifier.verify("body", "7", entries);
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBrokenSeq()).isEqualTo(3);
	}

	@Test
	void aForgedEntryRechainedWithPlainSm3IsFoundByItsMac() {
		List<RecordEntry> entries = chain(5);
		// an attacker with SQL but without the key: changes entry 3 and recomputes every SM3 link after it
		String prev = entries.get(1).hash();
		for (int i = 2; i < 5; i++) {
			RecordEntry e = entries.get(i);
			RecordEntry changed = new RecordEntry(e.id(), e.subjectType(), e.subjectId(), e.seq(), e.occurredAt(), e.actorKind(), e.actorId(),
					e.actorName(), e.actorBodyId(), e.ownerBodyId(), e.action(), e.summary(), i == 2 ? e.payload().replace("值3", "值9") : e.payload(),
					prev, "", e.mac());
			String hash = RecordEntry.hash(prev, changed.canonical());
			entries.set(i, new RecordEntry(e.id(), e.subjectType(), e.subjectId(), e.seq(), e.occurredAt(), e.actorKind(), e.actorId(),
					e.actorName(), e.actorBodyId(), e.ownerBodyId(), e.action(), e.summary(), changed.payload(), prev, hash, e.mac()));
			prev = hash;
		}
		assertThat(RecordVerifier.verify("body", "7", entries).intact()).as("the links and SM3 hashes alone hold").isTrue();
		var v = RecordVerifier.verify("body", "7", entries, h -> RecordKeys.mac(KEY, h), null);
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBrokenSeq()).isEqualTo(3);
		assertThat(v.check()).isEqualTo(RecordVerifier.MACS);
		assertThat(v.reason()).contains("消息认证码不符");
	}

	@Test
	void anEntryWithoutMacIsAcceptedOnlyBeforeTheFirstAnchorOfALegacyRecord() {
		List<RecordEntry> entries = new ArrayList<>(chain(2));
		RecordEntry e = entries.get(1);
		entries.set(1, new RecordEntry(e.id(), e.subjectType(), e.subjectId(), e.seq(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorName(),
				e.actorBodyId(), e.ownerBodyId(), e.action(), e.summary(), e.payload(), e.prevHash(), e.hash(), null));
		assertThat(RecordVerifier.verify("body", "7", entries, h -> RecordKeys.mac(KEY, h), null).reason()).contains("没有消息认证码");
		assertThat(RecordVerifier.verify("body", "7", entries, h -> RecordKeys.mac(KEY, h), e.occurredAt().plusSeconds(1)).intact()).isTrue();
		assertThat(RecordVerifier.verify("body", "7", entries, h -> RecordKeys.mac(KEY, h), e.occurredAt()).intact()).isFalse();
	}

	@Test
	void missingEntryIsFound() {
		List<RecordEntry> entries = chain(5);
		entries.remove(3);
		assertThat(RecordVerifier.verify("body", "7", entries).firstBrokenSeq()).isEqualTo(4);
	}

	@Test
	void canonicalJsonSortsKeysAtEveryLevel() {
		assertThat(FullProcessRecord.canonicalJson(Map.of("z", 1, "a", Map.of("y", 2, "b", 3))))
			.isEqualTo("{\"a\":{\"b\":3,\"y\":2},\"z\":1}");
	}

	@Test
	void merkleRootDependsOnEveryLeafAndItsOrder() {
		String r = DailyAnchors.merkleRoot(List.of("a", "b", "c"));
		assertThat(r).hasSize(64);
		assertThat(DailyAnchors.merkleRoot(List.of("a", "b", "d"))).isNotEqualTo(r);
		assertThat(DailyAnchors.merkleRoot(List.of("b", "a", "c"))).isNotEqualTo(r);
		assertThat(DailyAnchors.merkleRoot(List.of("a"))).isEqualTo("a");
	}
}
