"""Hand-built article results for the signing tests: an agreement between PEMKOT and UNI on
8 Feb 2024 in Kota Pekalongan unless told otherwise."""

KOTA = {"city": "Pekalongan", "province": "Jawa Tengah", "region_code": "33.75", "region_name": "Kota Pekalongan"}
KAB = {"city": "Kajen", "province": "Jawa Tengah", "region_code": "33.26", "region_name": "Kabupaten Pekalongan"}
JAKARTA = {"city": "Jakarta", "province": "DKI Jakarta", "region_code": "31", "region_name": "DKI Jakarta"}
PROVINCE = {"city": None, "province": "Jawa Tengah", "region_code": "33", "region_name": "Jawa Tengah"}
PEMKOT, UNI = ("Pemerintah Kota Pekalongan", "Pemkot Pekalongan"), ("Universitas Batik Nusantara", "Unibnus")
KEJARI, PEMKAB = ("Kejaksaan Negeri Kota Pekalongan", None), ("Pemerintah Kabupaten Pekalongan", None)
HERU = {"name": "Heru Prasetyo Wibowo", "title": "Wali Kota Pekalongan", "party": 0}
RECTOR = {"name": "Lestari Anggraini Putri", "title": "Rektor Unibnus", "party": 1}


def agreement(parties=(PEMKOT, UNI), date="2024-02-08", *, kind="nota_kesepahaman", type_text="nota kesepahaman",
              venue=None, place=KOTA, signatories=(), witnesses=(), scope=(), precision="day"):
    return {
        "type": kind, "type_text": type_text, "type_span": None,
        "date": {"value": date, "text": date, "precision": precision, "year_inferred": False,
                 "weekday_conflict": False, "span": None} if date else None,
        "place": {"venue": venue, **place, "span": None} if (venue or place) else None,
        "parties": [{"name": n, "short": s, "kind": "other", "span": None} for n, s in parties],
        "signatories": [{"name": None, "title": None, "party": None, "on_behalf_of": None, "span": None, **s}
                        for s in signatories],
        "witnesses": [{"name": None, "title": None, "span": None, **w} for w in witnesses],
        "scope": [{"text": t, "span": None} for t in scope],
        "evidence": [], "confidence": 0.9,
    }


def result(aid, *agreements, published=None, outlet=None, url=None, dateline=None):
    return {"article": {"path": f"in/{aid}.txt", "id": aid, "title": f"Berita {aid}", "dateline": dateline,
                        "outlet": outlet, "published": published, "url": url, "sha256": f"sha-{aid}"},
            "agreements": list(agreements), "mentioned": [], "warnings": [],
            "extractor": {"version": "test", "mode": "fast"}}
