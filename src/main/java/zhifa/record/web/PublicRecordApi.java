package zhifa.record.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.record.RecordKeys;
import zhifa.record.SignedAnchors;

/** Anyone may check the signed anchors: the public key and the anchors hold hashes only, no personal data. */
@Tag(name = "公开接口")
@RestController
@RequestMapping("/api/v1/public/record")
class PublicRecordApi {

	private final RecordKeys keys;
	private final SignedAnchors anchors;

	PublicRecordApi(RecordKeys keys, SignedAnchors anchors) {
		this.keys = keys;
		this.anchors = anchors;
	}

	/** The public key and how to check a signature with it. */
	public record SigningKey(String algorithm, String publicKey, String keyId, String userId, String signedText) {
	}

	@Operation(summary = "全过程记录签名锚定的 SM2 公钥", description = "publicKey 为未压缩点（04‖X‖Y）的十六进制；签名为 DER 编码，对 signedText 的 UTF-8 字节以 SM2 签名（SM3 摘要，用户标识为 GM/T 0009 默认值）")
	@GetMapping("/signing-key")
	SigningKey signingKey() {
		return new SigningKey("SM2（GB/T 32918，SM3 摘要）", keys.publicKeyHex(), keys.keyId(), "1234567812345678",
				"zhifa-record-anchor|v1|序号|时段起（第一号为 -）|时段止|默克尔根|链数|记录数|上一号摘要|legacy|keyId");
	}

	@Operation(summary = "全过程记录签名锚定（公开核验）")
	@GetMapping("/anchors")
	List<SignedAnchors.SignedAnchor> anchors() {
		return anchors.all();
	}
}
