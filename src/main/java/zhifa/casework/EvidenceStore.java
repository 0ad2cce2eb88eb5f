package zhifa.casework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Sm3;
import zhifa.shared.UploadedFile;

/**
 * Evidence files stored by content: the SM3 hash names the file (under {@code zhifa.evidence.dir}, by default
 * {@code ./data/evidence}), so an original is never overwritten and the hash in the record proves what was stored.
 */
@Component
class EvidenceStore {

	/** The limit the API documentation states; {@code spring.servlet.multipart.max-file-size} is the same. */
	static final long MAX_BYTES = 50L * 1024 * 1024;

	private final Path root;

	EvidenceStore(@Value("${zhifa.evidence.dir:./data/evidence}") String dir) {
		this.root = Path.of(dir);
	}

	/** Stores the checked bytes and returns their SM3 hash; the same content stored twice is one file. */
	String store(UploadedFile file) {
		return store(file.bytes());
	}

	/** Stores bytes the platform made itself (documents) and returns their SM3 hash. */
	String store(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw BusinessRuleViolation.onField("file", "文件超过 50MB，请压缩或分段上传");
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
