// casefile addition: AES-256 encryption (security handler revisions 5 and
// 6, PDF 2.0 / ISO 32000-2 §7.6.4.3.3), which the upstream package lacks.
// Only the user password is tried, as for the other revisions.

package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"
)

func (r *Reader) initEncryptV5(encrypt dict, password string) error {
	R, _ := encrypt["R"].(int64)
	if R != 5 && R != 6 {
		return fmt.Errorf("%w: unsupported PDF: encryption revision R=%d with V=5", ErrEncryption, R)
	}
	U, _ := encrypt["U"].(string)
	UE, _ := encrypt["UE"].(string)
	if len(U) < 48 || len(UE) != 32 {
		return fmt.Errorf("%w: malformed PDF: missing U or UE encryption parameters", ErrEncryption)
	}
	pw := []byte(password)
	if len(pw) > 127 {
		pw = pw[:127]
	}
	u := []byte(U[:48])
	validationSalt, keySalt := u[32:40], u[40:48]
	if !bytes.Equal(hashV5(R, pw, validationSalt, nil), u[:32]) {
		return ErrInvalidPassword
	}
	intermediate := hashV5(R, pw, keySalt, nil)
	block, err := aes.NewCipher(intermediate)
	if err != nil {
		return fmt.Errorf("malformed PDF: %v", err)
	}
	key := []byte(UE)
	cipher.NewCBCDecrypter(block, make([]byte, aes.BlockSize)).CryptBlocks(key, key)
	r.key = key
	r.useAES = true
	return nil
}

// hashV5 is Algorithm 2.A's hash for revision 5 (SHA-256) and Algorithm
// 2.B for revision 6.
func hashV5(R int64, pw, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if R == 5 {
		return k
	}
	for round := 0; ; round++ {
		var k1 []byte
		for i := 0; i < 64; i++ {
			k1 = append(k1, pw...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var next hash.Hash
		switch sum % 3 {
		case 0:
			next = sha256.New()
		case 1:
			next = sha512.New384()
		default:
			next = sha512.New()
		}
		next.Write(e)
		k = next.Sum(nil)
		if round >= 63 && int(e[len(e)-1]) <= round-31 {
			break
		}
	}
	return k[:32]
}
