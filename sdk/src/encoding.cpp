// Encodings: UTF-8 (with or without BOM) and Shift_JIS as Windows writes it (CP932, ICU's
// "windows-31j"). Conversions stop at the first bad byte or unencodable character and say where.
#include <unicode/ucnv.h>

#include <memory>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_cp932() {
  UErrorCode status = U_ZERO_ERROR;
  Converter conv(ucnv_open("windows-31j", &status));
  if (U_FAILURE(status))
    throw Error(std::string("ICU cannot open the CP932 converter: ") + u_errorName(status));
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return conv;
}

// Characters that Unicode spells twice, where Mac/Linux input gives the one CP932 lacks:
// they mean the same mark, so an export maps them rather than failing (〜 typed on a Mac).
char32_t cp932_equivalent(char32_t c) {
  switch (c) {
    case 0x301C:
      return 0xFF5E;  // 〜 WAVE DASH → ～
    case 0x2212:
      return 0xFF0D;  // − MINUS SIGN → －
    case 0x2016:
      return 0x2225;  // ‖ → ∥
    case 0x00A2:
      return 0xFFE0;  // ¢ → ￠
    case 0x00A3:
      return 0xFFE1;  // £ → ￡
    case 0x00AC:
      return 0xFFE2;  // ¬ → ￢
    case 0x2014:
      return 0x2015;  // — EM DASH → ―
    default:
      return c;
  }
}

}  // namespace

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Utf8:
      return "UTF-8";
    case Encoding::Utf8Bom:
      return "UTF-8 (BOM)";
    case Encoding::Cp932:
      return "Shift_JIS (CP932)";
  }
  return "?";
}

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n;
    char32_t cp, min;
    if ((c & 0xE0) == 0xC0)
      n = 1, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
      n = 2, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
      n = 3, cp = c & 0x07, min = 0x10000;
    else
      return false;
    if (end - p <= n) return false;
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += n + 1;
  }
  return true;
}

Encoding detect_encoding(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) return Encoding::Utf8Bom;
  return is_valid_utf8(bytes) ? Encoding::Utf8 : Encoding::Cp932;
}

std::string cp932_to_utf8(std::string_view bytes) {
  Converter conv = open_cp932();
  std::u16string u16(bytes.size() + 1, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  const char* src = bytes.data();
  const char* src_end = src + bytes.size();
  UChar* dst = u16.data();
  ucnv_toUnicode(conv.get(), &dst, dst + u16.size(), &src, src_end, nullptr, true, &status);
  if (U_FAILURE(status)) {
    // `src` stops just past the offending bytes.
    std::size_t at = static_cast<std::size_t>(src - bytes.data());
    std::size_t start = at > 2 ? at - 2 : 0;
    throw InputError("the text is neither UTF-8 nor Shift_JIS (CP932): bad bytes near byte offset " +
                     std::to_string(start));
  }
  u16.resize(static_cast<std::size_t>(dst - u16.data()));
  std::string out;
  out.resize(u16.size() * 3);  // a UTF-16 unit takes at most three bytes (a pair: four for two)
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  for (std::size_t i = 0; i < u16.size(); ++i) {
    char32_t cp = u16[i];
    if (cp < 0x80) {
      // ICU's windows-31j table rotates three control codes (IBM-943 heritage: byte 0x1A →
      // U+001C, 0x1C → U+007F, 0x7F → U+001A); Windows keeps ASCII as ASCII, and so do we.
      if (cp == 0x1C)
        cp = 0x1A;
      else if (cp == 0x7F)
        cp = 0x1C;
      else if (cp == 0x1A)
        cp = 0x7F;
      *o++ = static_cast<unsigned char>(cp);
    } else if (cp < 0x800) {
      *o++ = static_cast<unsigned char>(0xC0 | (cp >> 6));
      *o++ = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    } else if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < u16.size() && u16[i + 1] >= 0xDC00 &&
               u16[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (u16[++i] - 0xDC00);
      *o++ = static_cast<unsigned char>(0xF0 | (cp >> 18));
      *o++ = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
      *o++ = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
      *o++ = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    } else {
      *o++ = static_cast<unsigned char>(0xE0 | (cp >> 12));
      *o++ = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
      *o++ = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    }
  }
  out.resize(static_cast<std::size_t>(o - reinterpret_cast<unsigned char*>(out.data())));
  return out;
}

std::string decode_to_utf8(std::string_view bytes, Encoding* detected) {
  Encoding e = detect_encoding(bytes);
  if (detected) *detected = e;
  switch (e) {
    case Encoding::Utf8Bom: {
      std::string_view rest = bytes.substr(kUtf8Bom.size());
      if (!is_valid_utf8(rest))
        throw InputError(
            "the text starts with a UTF-8 mark (BOM) but contains bytes that are not UTF-8; "
            "save it again as UTF-8 or Shift_JIS");
      return std::string(rest);
    }
    case Encoding::Utf8:
      return std::string(bytes);
    case Encoding::Cp932:
      return cp932_to_utf8(bytes);
  }
  return {};
}

std::optional<std::string> utf8_to_cp932(std::string_view utf8, Unencodable* problem) {
  Converter conv = open_cp932();
  std::string out;
  out.reserve(utf8.size());
  char buf[8];
  std::size_t offset = 0;
  for (char32_t cp : utf8_to_u32(utf8)) {
    std::string one = u32_to_utf8(std::u32string_view(&cp, 1));
    char32_t mapped = cp932_equivalent(cp);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else {
      UChar u16[2];
      int32_t n = 0;
      if (mapped >= 0x10000) {
        u16[0] = static_cast<UChar>(0xD800 + ((mapped - 0x10000) >> 10));
        u16[1] = static_cast<UChar>(0xDC00 + ((mapped - 0x10000) & 0x3FF));
        n = 2;
      } else {
        u16[0] = static_cast<UChar>(mapped);
        n = 1;
      }
      UErrorCode status = U_ZERO_ERROR;
      int32_t len = ucnv_fromUChars(conv.get(), buf, sizeof buf, u16, n, &status);
      ucnv_reset(conv.get());
      if (U_FAILURE(status) || len <= 0) {
        if (problem) *problem = Unencodable{offset, one};
        return std::nullopt;
      }
      out.append(buf, static_cast<std::size_t>(len));
    }
    offset += one.size();
  }
  return out;
}

}  // namespace wasshoi::sdk
