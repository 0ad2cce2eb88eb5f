package zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordKeysTest {

	private static RecordKeys keys() throws Exception {
		return new RecordKeys("", "", "", "", true);
	}

	@Test
	void macDependsOnTheKeyAndTheHash() throws Exception {
		byte[] a = "key-a-0123456789abcdef".getBytes();
		byte[] b = "key-b-0123456789abcdef".getBytes();
		String hash = "0".repeat(64);
		assertThat(RecordKeys.mac(a, hash)).hasSize(64).isEqualTo(RecordKeys.mac(a, hash));
		assertThat(RecordKeys.mac(b, hash)).isNotEqualTo(RecordKeys.mac(a, hash));
		assertThat(RecordKeys.mac(a, "1" + hash.substring(1))).isNotEqualTo(RecordKeys.mac(a, hash));
	}

	@Test
	void anSm2SignatureHoldsForItsTextAndPublicKeyOnly() throws Exception {
		RecordKeys one = keys();
		RecordKeys other = keys();
		String text = "zhifa-record-anchor|v1|1|-|2026-11-29T06:00:00Z|" + "a".repeat(64);
		String signature = one.sign(text);
		assertThat(one.publicKeyHex()).startsWith("04").hasSize(130);
		assertThat(RecordKeys.verify(one.publicKeyHex(), text, signature)).isTrue();
		assertThat(RecordKeys.verify(one.publicKeyHex(), text + "x", signature)).isFalse();
		assertThat(RecordKeys.verify(other.publicKeyHex(), text, signature)).isFalse();
		assertThat(RecordKeys.verify(one.publicKeyHex(), text, "3045")).isFalse();
	}

	@Test
	void aLostKeyFileIsNotReplacedWhenTheRecordNeedsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		java.nio.file.Path file = dir.resolve("record.key");
		RecordKeys first = new RecordKeys("", file.toString(), "", dir.resolve("signing.key").toString(), true);
		assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
				java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
		assertThat(new RecordKeys("", file.toString(), "", dir.resolve("signing.key").toString(), false).mac("ab")).isEqualTo(first.mac("ab"));
		java.nio.file.Files.delete(file);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RecordKeys("", file.toString(), "", dir.resolve("signing.key").toString(), false))
			.hasMessageContaining("找不到全过程记录的密钥文件").hasMessageContaining("restore it from the backup");
	}

	@Test
	void keysComeFromTheSettingsWhenGiven() throws Exception {
		String privateKey = "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8";
		RecordKeys given = new RecordKeys("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "", privateKey, "", true);
		RecordKeys again = new RecordKeys("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "", privateKey, "", true);
		// the example key pair of GB/T 32918.5 (GM/T 0003.5) Annex A
		assertThat(given.publicKeyHex()).isEqualTo("04" + "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020"
				+ "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13");
		assertThat(again.publicKeyHex()).isEqualTo(given.publicKeyHex());
		assertThat(again.mac("ab")).isEqualTo(given.mac("ab"));
		assertThat(RecordKeys.verify(given.publicKeyHex(), "x", again.sign("x"))).isTrue();
	}
}
