#!/usr/bin/env python3
"""Writes a deterministic corpus of Word-style outsourcing contracts (.docx).

Standard library only. Every document is different: its size (5,000 to
40,000 characters, most near 12,000), its articles, their order and
wording, which security clauses are present, weak or missing, its
parties, numbers and periods. The markup is Word's: numbering.xml with
第%1条 article numbers, paragraphs and runs carrying rsid attributes, run
properties on every run, runs split at arbitrary places with bookmarks and
proofErr marks between the pieces, tables, a header and a footer.

    make_corpus.py --out DIR [--count N] [--seed S] [--zip FILE] [--list FILE]
                   [--repeat M]

--out DIR     folder for the documents (contract-00000.docx …)
--count N     distinct documents to write (default 500)
--seed S      corpus seed (default 1); the same seed gives the same bytes
--zip FILE    also store the documents as members of one .zip archive
--list FILE   write a --files-from list naming the documents; with
              --repeat M it names the N documents M times over (M·N lines),
              which is how bench/run builds 20,000-document batches from a
              pool of distinct contracts
Prints one line: documents, total characters, mean size.
"""

import argparse
import os
import random
import sys
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ZIP_TIME = (2024, 4, 1, 0, 0, 0)

KANJI = "〇一二三四五六七八九"


def kanji_number(n):
    """Returns n (1..99) in kanji: 12 → 十二."""
    if n < 10:
        return KANJI[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else KANJI[tens]) + "十" + (KANJI[ones] if ones else "")


def full_width(n):
    return "".join(chr(ord("０") + int(d)) for d in str(n))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- wording -----------------------------------------------------------------
# Each security topic has sentences for a present (complete) clause and for a
# weak one; a document draws present, weak or nothing per topic. {A}/{B} are
# the parties' short names, {d} a number of days, {m} months.

SECURITY = {
    "再委託": {
        "present": [
            ["{B}は、{A}の事前の書面による承諾を得た場合を除き、本業務の全部又は一部を第三者に再委託してはならない。",
             "{B}は、前項の承諾を得て再委託する場合には、再委託先に対し、本契約に基づき{B}が負う義務と同等の義務を負わせ、再委託先の行為について{A}に対し責任を負う。"],
            ["{B}は、あらかじめ{A}の書面による同意を得なければ、本業務を第三者に委託してはならない。",
             "{B}は、再委託先の名称、再委託する業務の範囲及び再委託先における安全管理の方法を記載した書面を{A}に提出し、その承諾を得るものとする。"],
        ],
        "weak": [
            ["{B}は、本業務の一部を第三者に再委託することができる。",
             "{B}は、再委託を行ったときは、遅滞なくその旨を{A}に通知するものとする。"],
            ["{B}は、{A}に事前に通知することにより、本業務の全部又は一部を第三者に再委託することができる。"],
        ],
    },
    "返還及び廃棄": {
        "present": [
            ["{B}は、本契約が終了したときは、{A}から提供を受けた個人情報及び資料（複製物を含む。）を速やかに{A}に返還し、又は復元不可能な方法により消去し、若しくは廃棄するものとする。",
             "{B}は、前項の消去又は廃棄を行ったときは、その日時、方法及び担当者を記載した廃棄証明書を{A}に提出する。"],
            ["本契約の終了又は解除の場合、{B}は、保有する委託情報（電磁的記録を含む。）の一切を{A}の指示に従い返還し、又は消去しなければならない。"],
        ],
        "weak": [
            ["{B}は、{A}の請求があったときは、{A}から提供を受けた資料を返還するものとする。"],
            ["{B}は、本契約が終了したときは、{A}から受領した書類を返還する。ただし、{B}が業務上必要と判断したものは引き続き保管することができる。"],
        ],
    },
    "事故発生時の報告": {
        "present": [
            ["{B}は、個人情報の漏えい、滅失又は毀損その他の事故が発生し、又は発生したおそれがあることを知ったときは、直ちに{A}に報告し、{A}の指示に従うものとする。",
             "{B}は、前項の事故の原因を調査し、再発防止策を講じたうえ、その内容を書面により{A}に報告しなければならない。"],
            ["{B}は、委託情報について不正アクセス、漏えい等の事故が生じたときは、速やかにその内容を{A}に報告し、{A}の行う調査に協力する。"],
        ],
        "weak": [
            ["{B}は、個人情報の漏えいが判明した場合には、その調査が完了した後に{A}に報告するものとする。"],
        ],
    },
    "損害賠償": {
        "present": [
            ["{A}又は{B}は、本契約に違反して相手方に損害を与えたときは、その損害（合理的な弁護士費用を含む。）を賠償しなければならない。",
             "本条の規定は、本契約の終了後も{m}年間効力を有する。"],
            ["{B}は、本業務の遂行に関し{B}の責めに帰すべき事由により{A}に損害を与えた場合には、その損害を賠償する責任を負う。"],
        ],
        "weak": [
            ["{B}が本契約に違反して{A}に損害を与えたときは、その損害を賠償する。ただし、賠償額は、損害発生の直前{m}か月間に{A}が支払った委託料の額を上限とする。"],
        ],
    },
    "秘密保持": {
        "present": [
            ["{A}及び{B}は、本契約の履行により知り得た相手方の秘密情報を、相手方の事前の書面による承諾なく第三者に開示し、又は漏えいしてはならない。",
             "前項の規定にかかわらず、公知の情報、開示を受けた時点で既に保有していた情報及び正当な権限を有する第三者から秘密保持義務を負うことなく取得した情報は、秘密情報に含まれない。"],
        ],
        "weak": [
            ["{B}は、業務に関係のない第三者に対し、{A}の情報をみだりに開示しないよう努める。"],
        ],
    },
    "安全管理措置": {
        "present": [
            ["{B}は、個人情報の漏えい、滅失又は毀損の防止その他の安全管理のため、アクセス制限、暗号化、施錠保管その他必要かつ適切な措置を講じなければならない。",
             "{B}は、本業務に従事する従業者に対し、個人情報の適正な取扱いについて必要な教育及び監督を行う。"],
        ],
        "weak": [
            ["{B}は、個人情報の管理に努めるものとする。"],
        ],
    },
    "目的外利用の禁止": {
        "present": [
            ["{B}は、{A}から提供を受けた個人情報を本業務の遂行の目的以外に利用してはならない。"],
        ],
        "weak": [
            ["{B}は、{A}から提供を受けた情報を、原則として本業務のために利用する。"],
        ],
    },
    "複製の制限": {
        "present": [
            ["{B}は、{A}の事前の承諾なく、{A}から提供を受けた資料を複製し、又は複写してはならない。"],
        ],
        "weak": [
            ["{B}は、本業務に必要な範囲で資料を複製することができる。"],
        ],
    },
    "監査": {
        "present": [
            ["{A}は、必要があると認めるときは、{B}の事業所に立ち入り、個人情報の管理状況を調査し、又は{B}に対し報告を求めることができる。",
             "{B}は、前項の調査に協力し、{A}から改善を求められたときは、速やかに必要な措置を講じる。"],
        ],
        "weak": [
            ["{A}は、{B}の同意を得た場合に限り、年{n}回まで{B}の管理状況の報告を求めることができる。"],
        ],
    },
}

# Articles every contract has, in several wordings.
ORDINARY = {
    "目的": [
        ["本契約は、{A}が{B}に委託する{work}（以下「本業務」という。）の実施に関し、必要な事項を定めることを目的とする。"],
        ["{A}は、{work}を{B}に委託し、{B}はこれを受託する。"],
    ],
    "委託業務の内容": [
        ["本業務の内容は、次の各号に掲げるとおりとする。", "#items:tasks"],
        ["{B}は、別に定める仕様書に従い、善良な管理者の注意をもって本業務を遂行する。",
         "仕様書と本契約の定めが異なるときは、本契約の定めが優先する。"],
    ],
    "委託料": [
        ["{A}は、本業務の対価として、月額{fee}円（消費税別）を{B}に支払う。",
         "{B}は、毎月末日締めで請求書を発行し、{A}は翌月{d}日までに{B}の指定する銀行口座に振り込む方法で支払う。振込手数料は{A}の負担とする。"],
        ["委託料は、別表に定める単価に当月の処理件数を乗じた額とする。", "#table:fees"],
    ],
    "報告": [
        ["{B}は、毎月{d}日までに、前月の業務の実施状況を書面により{A}に報告する。"],
        ["{B}は、{A}の求めに応じ、本業務の進捗状況を報告しなければならない。"],
    ],
    "従業者の管理": [
        ["{B}は、本業務に従事する者の氏名、所属及び役割を記載した名簿を作成し、{A}に提出する。",
         "{B}は、従業者の交代があったときは、{d}日以内にその旨を{A}に届け出る。"],
    ],
    "定義": [
        ["本契約において使用する用語の意味は、次の表に定めるとおりとする。", "#table:terms"],
    ],
    "契約の解除": [
        ["{A}又は{B}は、相手方が次の各号のいずれかに該当したときは、何らの催告を要せず、直ちに本契約の全部又は一部を解除することができる。", "#items:breach"],
    ],
    "反社会的勢力の排除": [
        ["{A}及び{B}は、自己又はその役員が、暴力団、暴力団員その他これらに準ずる者に該当しないことを表明し、将来にわたっても該当しないことを確約する。",
         "{A}又は{B}は、相手方が前項に違反したときは、何らの催告を要せず本契約を解除することができる。"],
    ],
    "有効期間": [
        ["本契約の有効期間は、{start}から{m}年間とする。ただし、期間満了の{n}か月前までにいずれからも書面による申出がないときは、同一の条件でさらに１年間更新するものとし、以後も同様とする。"],
    ],
    "不可抗力": [
        ["天災地変、戦争、暴動、法令の改廃その他当事者の責めに帰すことのできない事由により本契約の履行が遅延し、又は不能となったときは、当事者はその責任を負わない。"],
    ],
    "権利義務の譲渡禁止": [
        ["{A}及び{B}は、相手方の事前の書面による承諾なく、本契約上の地位又は本契約に基づく権利義務を第三者に譲渡し、又は担保に供してはならない。"],
    ],
    "管轄裁判所": [
        ["本契約に関する一切の紛争については、{court}地方裁判所を第一審の専属的合意管轄裁判所とする。"],
    ],
    "協議事項": [
        ["本契約に定めのない事項又は本契約の解釈について疑義が生じた事項については、{A}{B}誠実に協議のうえ解決する。"],
    ],
}

# Extra articles used to reach the document's size: operating rules of the
# outsourced work, built from parts so that no two are alike.
EXTRA_HEADINGS = ["業務の実施体制", "業務手順", "品質管理", "設備の使用", "作業場所", "記録の保存",
                  "業務の変更", "連絡体制", "引継ぎ", "研修", "改善提案", "検収", "貸与物の管理",
                  "業務時間", "緊急時の対応", "問合せ対応", "苦情処理", "システムの運用"]
EXTRA_SUBJECTS = ["{B}は、", "{A}は、", "{A}及び{B}は、", "{B}は、{A}と協議のうえ、", "{B}は、{A}の指示に基づき、"]
EXTRA_OBJECTS = ["本業務の実施に必要な体制を整備し、", "業務の手順を定めた手順書を作成し、", "業務品質の維持向上のための点検を定期的に行い、",
                 "{A}から貸与を受けた機器及び帳票を善良な管理者の注意をもって管理し、", "作業場所への入退室を記録し、",
                 "業務の実施記録を{m}年間保存し、", "業務時間外の問合せへの対応方法を定め、", "顧客からの苦情を受け付けた記録を作成し、",
                 "システム障害が発生したときの連絡経路を定め、", "担当者が交代するときは十分な引継ぎを行い、"]
EXTRA_ENDS = ["その内容を{A}に報告するものとする。", "{A}の承認を得るものとする。", "必要に応じてこれを見直すものとする。",
              "{A}の求めに応じてこれを提出する。", "その結果を書面で{A}に通知する。"]

ITEMS = {
    "tasks": ["顧客からの電話による問合せの受付及び回答", "申込書の受付、内容の確認及びデータの入力", "入力データの照合及び修正",
              "発送物の封入、封緘及び発送", "給与計算及び賞与計算に関する事務", "前各号に附帯する業務", "応対記録の作成及び月次の集計",
              "督促状の作成及び送付", "会員情報の変更の受付"],
    "breach": ["本契約の条項に違反し、相当の期間を定めて催告したにもかかわらず是正されないとき", "差押え、仮差押え、仮処分又は競売の申立てがあったとき",
               "破産手続開始、民事再生手続開始又は会社更生手続開始の申立てがあったとき", "手形又は小切手が不渡りとなったとき",
               "監督官庁から営業の停止又は営業許可の取消しの処分を受けたとき", "その他本契約を継続し難い重大な事由が生じたとき"],
}
TERMS = [("個人情報", "個人情報の保護に関する法律第２条第１項に定める個人情報をいう。"),
         ("委託情報", "本業務の遂行のために{A}が{B}に提供する一切の情報をいう。"),
         ("従業者", "{B}の組織内にあって直接又は間接に{B}の指揮監督を受けて本業務に従事する者をいう。"),
         ("仕様書", "本業務の内容、方法及び水準を定めた書面をいう。"),
         ("事故", "委託情報の漏えい、滅失、毀損、不正アクセスその他の事象をいう。")]
FEES = [("基本料金", "月額{fee}円"), ("入力作業", "１件あたり{unit}円"), ("受付対応", "１件あたり{unit}円"),
        ("発送作業", "１通あたり{unit}円"), ("時間外対応", "１時間あたり{unit}円")]

CLIENTS = ["株式会社東和商事", "みなと生命保険株式会社", "株式会社北斗ホールディングス", "さくら信用金庫", "株式会社青葉電機",
           "一般財団法人港湾振興会", "株式会社ひかり通販"]
VENDORS = ["株式会社サンライズサービス", "株式会社データワークス", "株式会社コールパートナーズ", "株式会社ビーピーオー日本",
           "有限会社入力センター", "株式会社ペイロールサポート"]
WORKS = ["コールセンター業務", "データ入力業務", "給与計算業務", "書類発送業務", "顧客対応業務", "会員管理業務"]
COURTS = ["東京", "大阪", "名古屋", "福岡", "札幌", "横浜"]


class Doc:
    """Builds one document.xml body the way Word writes it."""

    def __init__(self, rnd):
        self.rnd = rnd
        self.rsids = ["00%06X" % rnd.randrange(1 << 24) for _ in range(12)]
        self.body = []
        self.chars = 0
        self.bookmark = 0

    def rsid(self):
        return self.rnd.choice(self.rsids)

    def rpr(self, bold=False):
        parts = ['<w:rFonts w:ascii="ＭＳ 明朝" w:eastAsia="ＭＳ 明朝" w:hAnsi="ＭＳ 明朝" w:hint="eastAsia"/>']
        if bold:
            parts.append("<w:b/><w:bCs/>")
        parts.append('<w:sz w:val="21"/><w:szCs w:val="21"/>')
        return "<w:rPr>" + "".join(parts) + "</w:rPr>"

    def runs(self, text, bold=False):
        """Splits |text| into runs at random places, with Word's debris between them."""
        out = []
        i = 0
        while i < len(text):
            n = self.rnd.randint(2, 28)
            piece = text[i:i + n]
            i += n
            r = self.rnd.random()
            if r < 0.06:
                out.append('<w:proofErr w:type="gramStart"/>')
            elif r < 0.09:
                self.bookmark += 1
                out.append('<w:bookmarkStart w:id="%d" w:name="_Hlk%d"/><w:bookmarkEnd w:id="%d"/>'
                           % (self.bookmark, 100000 + self.bookmark * 7, self.bookmark))
            space = ' xml:space="preserve"' if piece[:1] == " " or piece[-1:] == " " else ""
            out.append('<w:r w:rsidRPr="%s">%s<w:t%s>%s</w:t></w:r>' % (self.rsid(), self.rpr(bold), space, esc(piece)))
        return "".join(out)

    def para(self, text, style=None, num=None, ind=None, jc=None, bold=False, out=None):
        ppr = []
        if style:
            ppr.append('<w:pStyle w:val="%s"/>' % style)
        if num:
            ppr.append('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0]))
        if ind:
            ppr.append('<w:ind w:left="%d" w:hangingChars="100" w:hanging="%d"/>' % ind)
        if jc:
            ppr.append('<w:jc w:val="%s"/>' % jc)
        ppr.append(self.rpr(bold))
        xml = ('<w:p w:rsidR="%s" w:rsidRDefault="%s" w:rsidP="%s"><w:pPr>%s</w:pPr>%s</w:p>'
               % (self.rsid(), self.rsid(), self.rsid(), "".join(ppr), self.runs(text, bold)))
        (self.body if out is None else out).append(xml)
        self.chars += len(text)

    def table(self, rows, widths):
        grid = "".join('<w:gridCol w:w="%d"/>' % w for w in widths)
        trs = []
        for row in rows:
            tcs = []
            for w, cell in zip(widths, row):
                cell_xml = []
                self.para(cell, out=cell_xml)
                tcs.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (w, "".join(cell_xml)))
            trs.append('<w:tr w:rsidR="%s" w:rsidTr="%s">%s</w:tr>' % (self.rsid(), self.rsid(), "".join(tcs)))
        self.body.append('<w:tbl><w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="0" w:type="auto"/>'
                         '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
                         'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>'
                         % (grid, "".join(trs)))


def fill(template, ctx):
    return template.format(**ctx)


def build_document(index, seed):
    rnd = random.Random(seed * 1000003 + index)
    target = int(rnd.triangular(5000, 40000, 9000))
    client, vendor = rnd.choice(CLIENTS), rnd.choice(VENDORS)
    short = rnd.choice([("甲", "乙"), ("委託者", "受託者")])
    ctx = {"A": short[0], "B": short[1], "work": rnd.choice(WORKS), "court": rnd.choice(COURTS),
           "d": rnd.choice([5, 7, 10, 14, 20]), "m": rnd.choice([1, 2, 3, 5]), "n": rnd.choice([1, 2, 3]),
           "fee": "{:,}".format(rnd.randrange(10, 900) * 10000), "unit": rnd.randrange(5, 300) * 10,
           "start": "2024年%d月1日" % rnd.randint(1, 12)}
    auto_numbered = rnd.random() < 0.7  # 第%1条 from numbering.xml, else typed
    doc = Doc(rnd)
    doc.para("%s契約書" % ctx["work"].replace("業務", "業務委託"), style="a4", jc="center", bold=True)
    doc.para("%s（以下「%s」という。）と%s（以下「%s」という。）は、%sの委託に関し、次のとおり契約を締結する。"
             % (client, ctx["A"], vendor, ctx["B"], ctx["work"]))

    # Which articles, in which order: the ordinary ones, each security topic
    # present (60%), weak (25%) or missing (15%), then extras to the size.
    articles = []
    for heading, variants in ORDINARY.items():
        if heading in ("定義", "報告", "従業者の管理", "不可抗力", "権利義務の譲渡禁止") and rnd.random() < 0.4:
            continue
        articles.append((heading, rnd.choice(variants)))
    for heading, variants in SECURITY.items():
        r = rnd.random()
        if r < 0.60:
            articles.append((heading, rnd.choice(variants["present"])))
        elif r < 0.85:
            articles.append((heading, rnd.choice(variants["weak"])))
    head = articles[:2]
    body = articles[2:]
    rnd.shuffle(body)
    tail = [a for a in body if a[0] in ("有効期間", "管轄裁判所", "協議事項")]
    body = [a for a in body if a not in tail]
    articles = head + body
    estimate = 400 + sum(len("".join(p)) + 30 for _, p in articles) + 150 * len(tail)
    while estimate < target:
        paragraphs = []
        for _ in range(rnd.randint(1, 4)):
            sentence = "".join([rnd.choice(EXTRA_SUBJECTS)] +
                               rnd.sample(EXTRA_OBJECTS, rnd.randint(1, 3)) + [rnd.choice(EXTRA_ENDS)])
            paragraphs.append(sentence)
        if rnd.random() < 0.3:
            paragraphs.insert(1 if len(paragraphs) > 1 else 0, "前項の措置は、次の各号に掲げる事項を含むものとする。")
            paragraphs.insert(2 if len(paragraphs) > 2 else 1, "#items:tasks")
        articles.insert(rnd.randint(2, len(articles)), (rnd.choice(EXTRA_HEADINGS), paragraphs))
        estimate += sum(len(p) for p in paragraphs) + 30
    articles += tail

    for number, (heading, paragraphs) in enumerate(articles, start=1):
        if auto_numbered:
            doc.para("（%s）" % heading, num=(1, 0), style="a5")
        else:
            doc.para("第%d条（%s）" % (number, heading), style="a5")
        p = 0
        for paragraph in paragraphs:
            if paragraph.startswith("#items:"):
                items = ITEMS[paragraph[7:]]
                picked = rnd.sample(items, rnd.randint(2, min(5, len(items))))
                for k, item in enumerate(picked, start=1):
                    if auto_numbered and rnd.random() < 0.5:
                        doc.para(fill(item, ctx), num=(2, 0), ind=(630, 420))
                    else:
                        doc.para("%s　%s" % (kanji_number(k), fill(item, ctx)), ind=(630, 420))
                continue
            if paragraph.startswith("#table:"):
                if paragraph == "#table:terms":
                    rows = [("用語", "定義")] + [(t, fill(d, ctx)) for t, d in rnd.sample(TERMS, rnd.randint(3, 5))]
                else:
                    rows = [("項目", "単価")] + [(t, fill(d, ctx)) for t, d in rnd.sample(FEES, rnd.randint(2, 5))]
                doc.table(rows, [2400, 6100])
                continue
            p += 1
            text = fill(paragraph, ctx)
            if p > 1:
                text = "%s　%s" % (full_width(p), text)
            doc.para(text, ind=(210, 210))
    doc.para("以上、本契約の成立を証するため、本書２通を作成し、%s%s記名押印のうえ各１通を保有する。" % (ctx["A"], ctx["B"]))
    doc.para(ctx["start"], jc="right")
    doc.table([("（%s）" % ctx["A"], client), ("（%s）" % ctx["B"], vendor)], [1800, 6700])
    return doc, ctx


LATENT = ["Normal", "heading 1", "heading 2", "heading 3", "heading 4", "heading 5", "heading 6", "heading 7",
          "heading 8", "heading 9", "toc 1", "toc 2", "toc 3", "Normal Indent", "footnote text", "annotation text",
          "header", "footer", "caption", "List Bullet", "List Number", "Title", "Subtitle", "Body Text", "Hyperlink",
          "Strong", "Emphasis", "Table Grid", "Placeholder Text", "No Spacing", "List Paragraph", "Quote"]


def styles_xml():
    latent = "".join('<w:lsdException w:name="%s" w:uiPriority="%d" w:qFormat="1"/>' % (n, 9 + i)
                     for i, n in enumerate(LATENT * 6))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:styles xmlns:w="%s"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" '
            'w:eastAsiaTheme="minorEastAsia"/><w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" '
            'w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>'
            '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:count="376">%s</w:latentStyles>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/>'
            '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="a4"><w:name w:val="Title"/><w:basedOn w:val="a"/>'
            '<w:qFormat/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="条見出し"/><w:basedOn w:val="a"/>'
            '<w:qFormat/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
            '<w:style w:type="table" w:styleId="a3"><w:name w:val="Table Grid"/></w:style>'
            '</w:styles>' % (W_NS, latent))


def numbering_xml():
    level = ('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
             '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="420"/></w:pPr></w:lvl>')
    art = level % (0, "decimalFullWidth", "第%1条", 420) + "".join(
        level % (i, "decimal", "%" + str(i + 1) + ".", 420 * (i + 1)) for i in range(1, 9))
    items = level % (0, "japaneseCounting", "%1", 630) + "".join(
        level % (i, "aiueoFullWidth", "(%" + str(i + 1) + ")", 630 + 210 * i) for i in range(1, 9))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
            '%s</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>%s'
            '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>' % (W_NS, art, items))


def header_xml(tag, text):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:%s xmlns:w="%s"><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p></w:%s>'
            % (tag, W_NS, esc(text), tag))


def package(doc, ctx):
    body = "".join(doc.body)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="%s" xmlns:r="%s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>%s'
                '<w:sectPr w:rsidR="%s"><w:headerReference w:type="default" r:id="rId5"/>'
                '<w:footerReference w:type="default" r:id="rId6"/><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1985" w:right="1701" w:bottom="1701" w:left="1701" w:header="851" w:footer="992" w:gutter="0"/>'
                '<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="360"/></w:sectPr></w:body></w:document>'
                % (W_NS, R_NS, body, doc.rsids[0]))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            '</Relationships>')
    settings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="%s"><w:zoom w:percent="100"/>'
                '<w:rsids>%s</w:rsids></w:settings>' % (W_NS, "".join('<w:rsid w:val="%s"/>' % r for r in doc.rsids)))
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
             '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
             '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
             '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
             '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
             '</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '</Relationships>')
    return [("[Content_Types].xml", types), ("_rels/.rels", root_rels), ("word/document.xml", document),
            ("word/_rels/document.xml.rels", rels), ("word/styles.xml", styles_xml()),
            ("word/numbering.xml", numbering_xml()), ("word/settings.xml", settings),
            ("word/header1.xml", header_xml("hdr", "%s 社外秘" % ctx["work"])),
            ("word/footer1.xml", header_xml("ftr", "－ 契約書 －"))]


def docx_bytes(parts):
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--zip")
    ap.add_argument("--list")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    if args.count < 1 or args.repeat < 1:
        sys.exit("make_corpus.py: --count and --repeat must be positive")
    os.makedirs(args.out, exist_ok=True)
    archive = zipfile.ZipFile(args.zip, "w", zipfile.ZIP_STORED) if args.zip else None
    names = []
    total_chars = 0
    for i in range(args.count):
        doc, ctx = build_document(i, args.seed)
        total_chars += doc.chars
        data = docx_bytes(package(doc, ctx))
        name = "contract-%05d.docx" % i
        path = os.path.join(args.out, name)
        with open(path, "wb") as f:
            f.write(data)
        names.append(os.path.abspath(path))
        if archive:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            archive.writestr(info, data)
    if archive:
        archive.close()
    if args.list:
        with open(args.list, "w", encoding="utf-8") as f:
            for _ in range(args.repeat):
                for n in names:
                    f.write(n + "\n")
    print("%d documents, %d characters, %d characters on average"
          % (args.count, total_chars, total_chars // args.count))


if __name__ == "__main__":
    main()
