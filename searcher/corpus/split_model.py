"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 27111 blocks (14417 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "heading: cohesion": -7.205,
    "text: cohesion": -7.086,
    "heading: not article gap": -4.965,
    "heading: numbered": -4.912,
    "text: note": -4.37,
    "heading: flush left": 3.941,
    "heading: untitled article": 3.847,
    "heading: next byline": 3.695,
    "text: not article gap": -3.545,
    "text: local brief": 3.324,
    "heading: wider gap": 3.163,
    "heading: article gap": 3.143,
    "text: flush left": -3.137,
    "text: article gap": 3.11,
    "text: wider gap": 3.11,
    "heading: title odds": 2.894,
    "text: numbered": -2.863,
    "heading: next subtitle": 2.852,
    "heading: prev ends": 2.707,
    "heading: next dateline": -2.588,
    "heading: under a label": 2.463,
    "heading: over a dateline after text": 2.434,
    "heading: no text yet": -2.349,
    "heading: question heading": -2.224,
    "heading: just opened": -2.047,
    "text: untitled article": 2.041,
    "text: untitled lede": 2.038,
    "heading: prev byline": 2.021,
    "text: picture": 1.939,
    "text: next heading": -1.924,
    "heading: prev complete": 1.851,
    "heading: has subheads": -1.813,
    "text: opens": 1.679,
    "bias": -1.676,
    "text: prev ends": 1.606,
    "text: para": -1.601,
    "text: prev complete": 1.586,
    "heading: after dateline 2": 1.486,
    "heading: picture": 1.474,
    "heading: prev names": 1.385,
    "heading: next opens": 1.378,
    "heading: echoes": -1.336,
    "text: reported": -1.334,
    "heading: covers": 1.307,
    "text: after a caption": -1.238,
    "text: another dateline": -1.232,
    "heading: after figures": 1.223,
    "heading: list goes on": -1.183,
    "text: next dateline": 1.1,
    "text: list goes on": -1.095,
    "text: just opened": 1.029,
    "heading: names heading": -0.95,
    "text: over a dateline after text": 0.865,
    "text: under a label": -0.814,
    "text: dateline in article without": -0.797,
    "heading: next heading": 0.786,
    "heading: prev picture": 0.701,
    "text: dateline": -0.695,
    "text: prev closing byline": -0.683,
    "text: long article": 0.682,
    "text: prev credit": 0.681,
    "heading: long article": 0.616,
    "heading: prev heading": 0.592,
    "text: prev heading": -0.573,
    "heading: bylined article": -0.543,
    "heading: news article": 0.498,
    "heading: short section": -0.44,
    "text: has subheads": -0.414,
    "heading: after a caption": -0.408,
    "text: news article": -0.391,
    "text: picture article": -0.384,
    "heading: long run": -0.372,
    "text: prev names": 0.336,
    "text: no text yet": 0.28,
    "text: end of page": 0.252,
    "heading: figures": -0.243,
    "text: indented": -0.214,
    "text: lede": 0.142,
    "text: bylined article": -0.12,
    "heading: prev closing byline": -0.106,
    "text: next byline": 0.094,
    "heading: heading": -0.074,
    "heading: short heading": 0.07,
    "heading: end of page": -0.064,
    "heading: prev credit": -0.034,
    "heading: next names": -0.023,
    "heading: short over dateline": -0.01,
    "heading: picture article": -0.004,
    "heading: next mid-word": -0.0,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.556,
    "heading: untitled article": 4.775,
    "heading: flush left": 4.6,
    "text: note": -4.535,
    "text: not article gap": -4.349,
    "heading: numbered": -4.182,
    "heading: next byline": 3.991,
    "text: local brief": 3.725,
    "text: flush left": -3.689,
    "heading: picture": 3.358,
    "heading: wider gap": 3.325,
    "heading: article gap": 3.299,
    "heading: next subtitle": 3.265,
    "text: article gap": 3.26,
    "text: wider gap": 3.26,
    "heading: over a dateline after text": 3.102,
    "text: untitled article": 2.969,
    "text: numbered": -2.757,
    "text: para": -2.748,
    "heading: prev credit": 2.701,
    "heading: no text yet": -2.399,
    "heading: under a label": 2.361,
    "heading: after dateline 2": 2.351,
    "heading: list goes on": -2.31,
    "text: prev credit": 2.153,
    "bias": -2.124,
    "text: picture": 2.121,
    "heading: has subheads": -1.983,
    "heading: names heading": -1.959,
    "heading: prev complete": 1.888,
    "text: next heading": -1.677,
    "heading: question heading": -1.561,
    "heading: prev byline": 1.557,
    "text: prev complete": 1.535,
    "heading: prev names": 1.528,
    "heading: end of page": -1.462,
    "text: next dateline": 1.416,
    "heading: just opened": -1.234,
    "text: untitled lede": 1.234,
    "text: just opened": 1.199,
    "text: over a dateline after text": 1.182,
    "heading: news article": 1.148,
    "heading: figures": -1.085,
    "text: lede": 1.009,
    "text: under a label": -1.003,
    "text: list goes on": -1.0,
    "text: end of page": 0.947,
    "heading: after a caption": -0.904,
    "heading: long run": -0.837,
    "text: prev closing byline": -0.772,
    "text: has subheads": -0.754,
    "heading: long article": 0.695,
    "heading: short heading": -0.695,
    "text: prev names": 0.664,
    "heading: next heading": 0.663,
    "text: news article": -0.658,
    "text: prev heading": -0.628,
    "heading: heading": 0.624,
    "heading: bylined article": -0.573,
    "heading: after figures": 0.534,
    "text: picture article": -0.515,
    "heading: prev closing byline": -0.501,
    "text: after a caption": 0.49,
    "text: long article": 0.429,
    "heading: prev heading": 0.403,
    "text: bylined article": 0.386,
    "text: reported": -0.354,
    "heading: short section": -0.304,
    "text: dateline": 0.302,
    "text: no text yet": 0.301,
    "heading: next dateline": -0.238,
    "text: indented": -0.237,
    "heading: picture article": -0.223,
    "heading: short over dateline": -0.178,
    "heading: prev picture": 0.147,
    "text: another dateline": -0.05,
    "text: next byline": 0.049,
    "heading: next names": -0.034,
    "text: dateline in article without": -0.002,
    "heading: next mid-word": -0.0,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出发行成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也说员各明好平事表能区次已位度起十入心"
    "务化而最去当使机并利据由场正还通三问特制向可及立近所强两产京小着此名里都间种期第"
    "学万系法设文活共点达代意题基取些持情结任解济元统如领应金子委导组门保举程决世张改"
    "二量性步因水交资相界先计调更广局东别受联把但安放然西美无增管深际指认办省式首五讯"
    "南至比原形品求项少图给集信处院接风手议治看数件科示收推又海府积常片路物极只级四造"
    "干规几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家新华一个华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国一些企业了一方面地区没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际积极改革主要活动新的自己年的这些"
    "成为加强国的管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议人员的重"
    "精神关系技术这个举行实现水平中的特别一年一次历史努力可以解决进一提供基础的大的人"
    "上的建立代表到了表示就是部分提出作用服务参加在这取得业的人们以及群众人的们的许多"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新不断出的政治已经的经会主继续美国指出单位合作希望展的政策好的这种全面干部具有"
    "国务成了工程家的作的支持联合条件稳定发生现在重点决定计划得到同志附图不能国内的基"
    "一种主席措施十五中心开展行了促进科技形成现代共同投资实际要的出现的主进入第二采取"
    "在一广大科学部长为了环境坚持增加项目以上事业面的增长过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅区的起来报记发挥总理产品十分社北各种思想的情教育的问保持"
    "现了资金开放两个也是介绍的生定的重视能力会上日前万元个人作出正在的同什么经营的时"
    "都是了解结构城市制度系统实行受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大得了目标国有各地成功只有党的调整"
    "长期民族传统形式不同社记的成一位看到职工重大强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的深入的作天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域理论农业"
    "新年统一五大产生电记如何保证一起安全自然之间是我样的首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家但是济的意义的事生的内容落实的方一批信息在中经验大力的实在北收入"
    "性的贡献成果文明联系的第存在机关推进关部造成持续者的优势还是设的规定亿元间的加了"
    "健康年代机构之一保护各级场经引起改善关于组成艺术分析大会按照制定最后行为参与力量"
    "直接发表泽民结束的不大量江泽的各的原阶段的历劳动美元这次力的有限为主一条扩大的全"
    "增强效益一项当地大学银行资源了这国政对于正式集中在国宣传里的接受电视的优实践形势"
    "后的起了加快结果多年表现反映行动和平国民突破出来处理真正在新才能的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的和发竞争原则外交动的来了变化业和然而他的"
    "中共日本带来具体下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后关键革开是中代化二十为一指导完全任何为中整个标准长的行业地的个月连续"
    "的十当前一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的几个年底严格"
    "优秀能够大家内外行政邓小万人的社很大减少的建及时时代自治方针改变知识多种多人程中"
    "程度而是学生体系报告家庭进步各项贯彻的意一大办法度的出版人才在我场的理的作者转变"
    "比较虽然并不青年特色的目国国中华一天感到状况两国财政元的也有另一有人一月面临众的"
    "的思来到监督随着制的人士一是到一年前商业方法和人关注务的的形尤其题的一系明确门的"
    "丰富大型在此举办们在合理一部民主只要适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的定了逐步等方和经一点一样所以二是有利尽管非常意识素质的信人口十年面对探索"
    "出一不会的改和中作品平均迅速界的学的时候的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化观念为人多万革命部队图为国外学院交通广泛多个令人的要商品的行恢复"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由国各合国办的"
    "三个规范常委设备公里左右范围未来开拓供了今后者王进程不久执行局面控制业务来越越来"
    "相互一方正是都有发出共中确定来说著名出席首都系的做好已有河北上了电话义的而不去的"
    "多名天下内的普遍的自平的速度近日因素居民的特消费趋势十一导人面积检查的影对此反对"
    "给予如此生命形象较大道路的指开了大精人大同的用于实的相当方向始终不到拥有标志为此"
    "现实纷纷在京培养集体产的协调的美的前切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产顺利维护信心况下了新坚决京市委书地说机会大部万多的战应当贸易界上体的"
    "府的是对作了医院国经走向的外对外艰苦党中展和者刘上午党委推出有所还要特点整体限公"
    "处于罗斯得的进的进展是国只是下降院副比赛的资汽车相信了中平理各国有企的好市政的水"
    "为我的市针对再次下了奋斗更好建议终于色的作会放在特殊的决的比的支对中此间公安除了"
    "朋友友好由中式的运行争取展开利于那么态度中有及其一般了全培训专门法律英国广东成就"
    "全体危机国在正确市委市的工的自身了我亿美只能选举如今是要热情出口知道家和伟大的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
