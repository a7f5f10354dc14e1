"""What a reader sees in a line of a printed page: datelines, bylines, credits, pictures.

Patterns only, no decisions (those are ``split``'s). Simplified and traditional
forms are both written out (``本报``/``本報``, ``新华社``/``新華社``, ``电``/``電``).
Bylines are read by taking the roles and acts out and checking that only names
are left, not by one regular expression: names run together (``本报记者许立群``)
make such an expression backtrack for minutes on a long line.
"""

from __future__ import annotations

import functools
import re

_BAO = "[报報]"
_AGENCY = (
    "(?:新华社|新華社|中新社|中新网|中新網|人民网|人民網|新华网|新華網|央视网|央視網"
    "|路透社|法新社|美联社|美聯社|共同社|塔斯社|安莎社|韩联社|韓聯社)"
)
_OURS = f"(?:本{_BAO}|本刊)"
_DIANXUN = "[电電讯訊]"
DAY_NO = r"[0-9０-９一二三四五六七八九十〇○零]{1,4}"
_DATE = rf"(?:{DAY_NO}月)?{DAY_NO}日"
_PLACE_DATE = rf"[\u4e00-\u9fff·]{{0,12}}?(?:{_DATE})?"

# A dateline opens the text of a news item: 本报北京1月5日电, 新华社北京电, 本报讯.
OPENS_ITEM = re.compile(
    rf"(?:{_OURS}{_PLACE_DATE}{_DIANXUN}|{_AGENCY}{_PLACE_DATE}(?:[电電]|消息)"
    rf"|{_OURS}(?:综合报道|綜合報道))"
)
# Weaker: a report of another paper or agency (据新华社电, 据路透社报道).
REPORTED = re.compile(
    rf"[据據](?:{_AGENCY}|[\u4e00-\u9fff]{{1,12}}?(?:{_BAO}|社|台|网|網))[^，。]{{0,20}}?"
    rf"(?:电|電|报道|報道|消息)"
)

_DESK = rf"(?:新华社|新華社|中新社|{_OURS}|本版)?(?:特约|特約|[驻駐][\u4e00-\u9fff]{{1,8}}?)?"
# Roles a name may follow directly (本报记者许立群), and short ones it follows after a
# separator only (文/图 张三, 摄影：李四), lest 文化 or 图书 be read as bylines.
ROLE_LONG = re.compile(
    rf"{_DESK}(?:记者|記者|通讯员|通訊員|评论员|評論員|实习生|實習生|责任编辑|責任編輯|责编|責編|编辑|編輯|特约撰稿人)"
)
# The page's editor (责任编辑：王明), who edited the articles and wrote none of them;
# ``EDITED_BY``: what stands before the editor's name at the end of a line.
_EDITORS = "责任编辑|責任編輯|责编|責編"
_EDITOR = re.compile(_EDITORS)
EDITED_BY = re.compile(rf"(?:{_EDITORS})[：:\s]*$")
_ROLE_SHORT = re.compile(
    r"(?:^|(?<=[ \u3000]))(?:文/图|文／图|文/圖|图/文|圖/文|文|图|圖|摄影|攝影|摄|攝|作者|撰文)"
    r"(?=[ \u3000:：/／])"
)
_ACT = re.compile(
    r"(?:摄影?报道|攝影?報道|摄影|攝影|摄|攝|报道|報道|整理|编译|編譯|供稿)$"
    r"|(?<=[ \u3000])(?:文|作|绘|繪|画|畫)$"
)
_ACT_ALONE = re.compile(
    r"摄影?报道|攝影?報道|摄影|攝影|摄|攝|报道|報道|整理|编译|編譯|供稿|文|作|绘|繪|画|畫"
)
# Every role and act has one of these: a line without any is no byline.
_ROLE_OR_ACT = re.compile("[者員员辑輯摄攝报報整译譯稿文图圖作绘繪画畫]")
_SEPARATORS = re.compile(r"[ \u3000、，,:：/／]+")
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,12}")
_MARK_LEAD = re.compile(r"^[□■◇◆●○★☆▲△]?[ \u3000]*")
NOT_NAMES = {"完", "待续", "续完", "未完", "未完待续", "全文完", "下转", "上接", "待續", "續完"}
NOT_NAMES |= {"摘要", "节选", "節選", "草案", "试行", "試行", "初稿", "全文", "续", "續"}
NOT_NAMES |= {"附图", "附圖", "图片", "圖片", "照片", "漫画", "漫畫", "书法", "書法", "油画"}
NOT_NAMES |= {"油畫", "国画", "國畫"}
NOT_NAMES |= {"同志", "点评", "點評"}  # 编辑同志： (a letter's greeting), 编辑点评： (a comment)
NOT_NAMES |= {"邮编", "郵編", "电话", "電話", "传真", "傳真", "热线", "熱線", "地址"}


def byline(s: str) -> list[str] | None:
    """The names of a byline line (``本报记者 王卢莎`` -> ``['王卢莎']``), or None if the
    line is not one. A byline opens with a role (记者, 文/图) or closes with an act
    (摄, 整理); names alone are not one here (a bare name is a byline only where
    ``split`` expects one)."""
    if len(s) > 44 or not _ROLE_OR_ACT.search(s):
        return None
    t = _MARK_LEAD.sub("", s.strip(" \u3000"))
    if t[:1] in "（(" and t[-1:] in "）)":
        t = t[1:-1]
    if not t or len(t) > 40:
        return None
    first = ROLE_LONG.match(t) or _ROLE_SHORT.match(t)
    if first and _EDITOR.search(first.group(0)):
        return None  # the page's editor (责任编辑：王明) edited it, did not write it
    t, long_roles = ROLE_LONG.subn(" ", t)
    t, n = _ROLE_SHORT.subn(" ", t)
    if (long_roles or n) and not first:
        return None  # a role inside a title ("…请首都记者健身"): no byline
    found, acts = _byline_names(t)
    if found is None or not (first or acts) or not (found or long_roles):
        return None
    if not first and not all(_run_of_names(x) for x in found):
        return None  # "郑磊 摄" yes, "江南春色 摄" no
    return found


def _byline_names(t: str) -> tuple[list[str] | None, bool]:
    found: list[str] = []
    acts = False
    for chunk in _SEPARATORS.split(t):
        if not chunk:
            continue
        if _ACT_ALONE.fullmatch(chunk):
            acts = True
            continue
        chunk, n = _ACT.subn("", chunk)
        acts = acts or bool(n)
        if chunk and (not _NAME.fullmatch(chunk) or chunk in NOT_NAMES):
            return None, acts
        found += [chunk] if chunk else []
    return found, acts


def names_only(s: str) -> list[str] | None:
    """``张三 李四`` -> its names; None if anything but names (of 2-12 characters) is there."""
    parts = [p for p in _SEPARATORS.split(s.strip(" \u3000")) if p]
    if not parts or len(s) > 40 or any(not _NAME.fullmatch(p) for p in parts):
        return None
    return None if any(p in NOT_NAMES for p in parts) else parts


# The common Chinese family names (simplified and traditional), and the two-character
# ones: a bare line of text is taken for a name only when it starts with one.
SURNAMES = set(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮"
    "邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石"
    "廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴"
    "覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐"
    "耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍"
    "路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連"
    "芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬"
    "师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊"
    "乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花"
    "权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈"
)
_SURNAMES_2 = {
    "欧阳",
    "歐陽",
    "司马",
    "司馬",
    "诸葛",
    "諸葛",
    "上官",
    "东方",
    "東方",
    "皇甫",
    "令狐",
    "慕容",
    "尉迟",
    "尉遲",
    "公孙",
    "公孫",
    "长孙",
    "長孫",
    "端木",
    "司徒",
    "夏侯",
}


_PLACES_AND_BODIES = set("局厂廠会會部省市县縣区區处處社院所校站队隊组組委办辦司团團馆館镇鎮乡鄉村")


def _a_name(n: str) -> bool:
    return "·" in n or (n[0] in SURNAMES and len(n) <= 4) or (n[:2] in _SURNAMES_2 and len(n) <= 4)


@functools.lru_cache(maxsize=4096)
def _run_of_names(n: str) -> bool:
    """Names printed without a space between them (``赵志文王桦``): two to four, each
    of two or three characters and starting with a family name."""
    if len(n) <= 4:
        return _a_name(n)
    return any(_a_name(n[:k]) and _run_of_names(n[k:]) for k in (2, 3) if len(n) - k >= 2)


def person_names(s: str) -> list[str] | None:
    """Names of people (each starting with a family name), or None: ``赵志文 王桦``."""
    t = s.lstrip(" \u3000")
    if t[:1] not in SURNAMES and t[:2] not in _SURNAMES_2 and "·" not in t:
        return None  # the first name has no family name: no need to read further
    found = names_only(s)
    if not found or not all(
        len(n) <= 12 and n[-1] not in _PLACES_AND_BODIES and _run_of_names(n) for n in found
    ):
        return None
    return found


# Offices an author is named by under a commentary's title (中国剧协副主席胡可,
# 农业部部长刘江), simplified and traditional.
_OFFICE = re.compile(
    r"(?:主席|部长|部長|书记|書記|局长|局長|厅长|廳長|省长|省長|市长|市長|县长|縣長|主任|院长|院長"
    r"|校长|校長|所长|所長|社长|社長|会长|會長|理事长|理事長|经理|經理|董事长|董事長|研究员|研究員"
    r"|教授|院士|专家|專家|委员|委員|作家|教师|教師|厂长|廠長|司令员|司令員|政委|总裁|總裁|秘书长"
    r"|秘書長|大使|处长|處長|科长|科長|总编辑|總編輯|主编|主編|代表|编审|編審|馆长|館長"
    r"|司长|司長|署长|署長|行长|行長|台长|臺長|庭长|庭長|检察长|檢察長|区长|區長"
    r"|团长|團長|队长|隊長|站长|站長|镇长|鎮長|乡长|鄉長|村长|村長|导演|導演|编剧|編劇|演员|演員"
    r"|画家|畫家|诗人|詩人|评论家|評論家|学者|學者|总监|總監|参赞|參贊|律师|律師|医师|醫師|讲师|講師"
    r"|工程师|工程師|经济师|經濟師|会计师|會計師)"
    r"([\u4e00-\u9fff]{2,3})$"
)


def ends_in_office(s: str) -> bool:
    """Does ``s`` end in an office and two or three characters after it, as a byline
    by office does (``水利部部长钮茂生``), whether or not those read as a known name?"""
    return 4 <= len(s) <= 30 and _OFFICE.search(s) is not None


def office_byline(s: str) -> list[str] | None:
    """An author named by an office (``中国文联副主席李默然`` -> ``['李默然']``), or None."""
    # (offices one after another: 中国剧协副主席、中央戏剧学院院长徐晓钟)
    m = _OFFICE.search(s) if 4 <= len(s) <= 30 and s.replace("、", "").isalpha() else None
    return [m.group(1)] if m and _run_of_names(m.group(1)) else None


# A dateline opens with one of these (本报, 新华社, 中新网, 据…).
DATELINE_FIRST = set("本新中人央路法美共塔安韩韓据據")


def dateline(s: str) -> re.Match | None:
    """A dateline at the start of ``s``: an item's own, or a report of another's."""
    if s[:1] not in DATELINE_FIRST:
        return None
    return OPENS_ITEM.match(s) or REPORTED.match(s)


def dateline_names(s: str, end: int) -> list[str]:
    """The names in the byline right after a dateline: ``本报讯（记者 王晓燕）``,
    ``…电记者李波报道：``."""
    rest = s[end : end + 40].lstrip(" \u3000")
    if rest[:1] in "（(":
        inner = re.match(r"[（(]([^（）()]{1,36})[）)]", rest)
        return (byline(inner.group(1)) or []) if inner else []
    m = re.match(r"([^，,。：:；;]{2,36}?)(?:(?:报道|報道)[ \u3000：:，,]|[：:，,])", rest)
    if m and ROLE_LONG.match(m.group(1)):
        return byline(m.group(1)) or []
    return []


_CREDIT_INNER = re.compile(
    rf"[^（）()]{{0,24}}{_DIANXUN}|[^（）()]{{0,30}}(?:供稿|稿|摘|译|譯|作|画|畫|绘|繪)"
)
# A picture and its kind: （图片）, （附图片１张）, （漫画）, 图片新闻, 图为…
PICTURE = re.compile(
    r"[（(](?:附?图片|附?圖片|图|照片|漫画|漫畫|书法|書法|油画|油畫|国画|國畫|中国画|中國畫"
    r"|版画|版畫|水彩|剪纸|剪紙|篆刻|雕塑|摄影|攝影|宣传画|年画|素描|速写|传真照片)[^（）()]{0,8}[）)]"
    r"|^(?:图片新闻|圖片新聞|图片报道|圖片報道)"
)


def closing_credit(s: str) -> str:
    """The credit closing a paragraph (``…（新华社记者樊如钧摄）``, ``…（袁亚平）``,
    ``…（本报北京电）``, ``…——编者``), or ``""``."""
    if s.endswith(("）", ")")):
        start = max(s.rfind("（"), s.rfind("("))
        inner = s[start + 1 : -1] if start >= 0 else ""
        credit = byline(inner) is not None or names_only(inner) or _CREDIT_INNER.fullmatch(inner)
        return s[start:] if inner and credit and not PICTURE.search(s[start:]) else ""
    m = re.search(r"——+[\u4e00-\u9fff]{1,6}$", s)
    return m.group() if m else ""


# Markers of a column label or of a list item.
MARKS = set("■□●○◆◇▲△★☆▶►◎※")
# A column's name in lenticular or square brackets, alone on its line (【地方传真】).
BRACKETED_LABEL = re.compile(r"[【〔［\[][^】〕］\]。，,；;：:！？!?]{1,12}[】〕］\]]")
# A numbered subhead or list item: 一、  （一）  1.  ２．  第一章
NUMBERED = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]"
    r"|[0-9０-９]{1,2}[、.．](?![0-9０-９])|第[一二三四五六七八九十0-9０-９]{1,3}[章节節部条條])"
)


# Characters that seldom open a paragraph or a title: the second halves of words
# (的 了 们 业 化 性 者 …). Counted on the paragraphs and titles of the corpus pages
# dated 1-20 January 1998: of the 800 commonest characters, those that open under
# 8% as many paragraphs as their frequency would give. A block opening with one
# was most likely cut from the block before it.
RARE_START = set(
    "的了和业个家们理者月力动区化场等能设员得务之子种心度里系委题着起使道增次术些技结点持组量"
    "性界期程院及门司育队革义间议局际求口志困式级件样流极争央续"
)
