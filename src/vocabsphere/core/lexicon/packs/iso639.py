"""ISO 639-1 language codes and English names (validation and user-facing notes)."""

from __future__ import annotations

_TABLE = (
    "aa Afar|ab Abkhazian|ae Avestan|af Afrikaans|ak Akan|am Amharic|an Aragonese|ar Arabic|"
    "as Assamese|av Avaric|ay Aymara|az Azerbaijani|ba Bashkir|be Belarusian|bg Bulgarian|"
    "bi Bislama|bm Bambara|bn Bengali|bo Tibetan|br Breton|bs Bosnian|ca Catalan|ce Chechen|"
    "ch Chamorro|co Corsican|cr Cree|cs Czech|cu Church Slavonic|cv Chuvash|cy Welsh|da Danish|"
    "de German|dv Divehi|dz Dzongkha|ee Ewe|el Greek|en English|eo Esperanto|es Spanish|"
    "et Estonian|eu Basque|fa Persian|ff Fulah|fi Finnish|fj Fijian|fo Faroese|fr French|"
    "fy Western Frisian|ga Irish|gd Scottish Gaelic|gl Galician|gn Guarani|gu Gujarati|"
    "gv Manx|ha Hausa|he Hebrew|hi Hindi|ho Hiri Motu|hr Croatian|ht Haitian Creole|"
    "hu Hungarian|hy Armenian|hz Herero|ia Interlingua|id Indonesian|ie Interlingue|ig Igbo|"
    "ii Sichuan Yi|ik Inupiaq|io Ido|is Icelandic|it Italian|iu Inuktitut|ja Japanese|"
    "jv Javanese|ka Georgian|kg Kongo|ki Kikuyu|kj Kuanyama|kk Kazakh|kl Kalaallisut|"
    "km Khmer|kn Kannada|ko Korean|kr Kanuri|ks Kashmiri|ku Kurdish|kv Komi|kw Cornish|"
    "ky Kyrgyz|la Latin|lb Luxembourgish|lg Ganda|li Limburgish|ln Lingala|lo Lao|"
    "lt Lithuanian|lu Luba-Katanga|lv Latvian|mg Malagasy|mh Marshallese|mi Maori|"
    "mk Macedonian|ml Malayalam|mn Mongolian|mr Marathi|ms Malay|mt Maltese|my Burmese|"
    "na Nauru|nb Norwegian Bokmal|nd North Ndebele|ne Nepali|ng Ndonga|nl Dutch|"
    "nn Norwegian Nynorsk|no Norwegian|nr South Ndebele|nv Navajo|ny Chichewa|oc Occitan|"
    "oj Ojibwa|om Oromo|or Odia|os Ossetian|pa Punjabi|pi Pali|pl Polish|ps Pashto|"
    "pt Portuguese|qu Quechua|rm Romansh|rn Kirundi|ro Romanian|ru Russian|rw Kinyarwanda|"
    "sa Sanskrit|sc Sardinian|sd Sindhi|se Northern Sami|sg Sango|si Sinhala|sk Slovak|"
    "sl Slovenian|sm Samoan|sn Shona|so Somali|sq Albanian|sr Serbian|ss Swati|"
    "st Southern Sotho|su Sundanese|sv Swedish|sw Swahili|ta Tamil|te Telugu|tg Tajik|"
    "th Thai|ti Tigrinya|tk Turkmen|tl Tagalog|tn Tswana|to Tongan|tr Turkish|ts Tsonga|"
    "tt Tatar|tw Twi|ty Tahitian|ug Uyghur|uk Ukrainian|ur Urdu|uz Uzbek|ve Venda|"
    "vi Vietnamese|vo Volapuk|wa Walloon|wo Wolof|xh Xhosa|yi Yiddish|yo Yoruba|za Zhuang|"
    "zh Chinese|zu Zulu"
)
ISO639_1: dict[str, str] = {code: name for code, name in (item.split(" ", 1) for item in _TABLE.split("|"))}

# ISO 639-2/3 codes seen in dictionary file names (FreeDict, StarDict) -> ISO 639-1.
ISO3_EXTRA = {
    "kor": "ko",
    "zho": "zh",
    "chi": "zh",
    "cmn": "zh",
    "vie": "vi",
    "tha": "th",
    "ukr": "uk",
    "heb": "he",
    "ron": "ro",
    "rum": "ro",
    "est": "et",
    "lav": "lv",
    "fas": "fa",
    "per": "fa",
    "ben": "bn",
    "urd": "ur",
    "msa": "ms",
    "may": "ms",
    "tgl": "tl",
    "cat": "ca",
    "eus": "eu",
    "baq": "eu",
    "glg": "gl",
    "kat": "ka",
    "geo": "ka",
    "hye": "hy",
    "arm": "hy",
    "mkd": "mk",
    "sqi": "sq",
    "alb": "sq",
    "bos": "bs",
    "nob": "nb",
    "nno": "nn",
    "eng": "en",
    "ger": "de",
    "fre": "fr",
    "dut": "nl",
    "gre": "el",
    "cze": "cs",
    "slo": "sk",
    "ice": "is",
    "wel": "cy",
}


def language_name(code: str) -> str:
    return ISO639_1.get(code, code)


def to_iso1(code: str) -> str | None:
    """ISO 639-1 code for a 2- or 3-letter code, or None."""
    from ..store_schema import ISO3_TO_ISO1

    low = code.lower()
    if low in ISO639_1:
        return low
    return ISO3_TO_ISO1.get(low) or ISO3_EXTRA.get(low)
