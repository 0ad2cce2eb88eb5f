package zhifa.penalty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Sm3;

/**
 * Evidence files stored by content: the SM3 hash names the file (under {@code zhifa.evidence.dir}, by default
 * {@code ./data/evidence}), so an original is never overwritten and the hash in the record proves what was stored.
 */
@Component
class EvidenceStore {

	static final long MAX_BYTES = 50L * 1024 * 1024;
	static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "application/pdf", "audio/mpeg", "audio/mp4", "video/mp4", "text/plain");

	private final Path root;

	EvidenceStore(@Value("${zhifa.evidence.dir:./data/evidence}") String dir) {
		this.root = Path.of(dir);
	}

	/** Stores the bytes and returns their SM3 hash; the same content stored twice is one file. */
	String store(byte[] bytes, String contentType) {
		if (bytes.length == 0) {
			throw BusinessRuleViolation.onField("file", "文件为空");
		}
		if (bytes.length > MAX_BYTES) {
			throw BusinessRuleViolation.onField("file", "文件超过 50MB，请压缩或分段上传");
		}
		if (contentType == null || !TYPES.contains(contentType)) {
			throw BusinessRuleViolation.onField("file", "只接受 JPG、PNG、PDF、MP3、MP4 或文本文件");
		}
		String hash = Sm3.hex(bytes);
		Path target = path(hash);
		try {
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
				Files.write(tmp, bytes);
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot store evidence " + hash, e);
		}
		return hash;
	}

	byte[] read(String hash) {
		try {
			return Files.readAllBytes(path(hash));
		}
		catch (IOException e) {
			throw new zhifa.shared.NotFound("证据文件");
		}
	}

	private Path path(String hash) {
		return root.resolve(hash.substring(0, 2)).resolve(hash);
	}
}
