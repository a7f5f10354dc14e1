"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 27461 blocks (14413 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "heading: cohesion": -9.022,
    "text: cohesion": -6.73,
    "heading: not article gap": -5.476,
    "text: note": -4.79,
    "heading: flush left": 4.589,
    "text: not article gap": -4.187,
    "heading: next byline": 3.573,
    "text: local brief": 3.489,
    "heading: next subtitle": 3.431,
    "heading: wider gap": 3.328,
    "heading: article gap": 3.275,
    "heading: numbered": -3.183,
    "heading: picture": 3.103,
    "heading: next names": 3.019,
    "text: article gap": 2.978,
    "text: wider gap": 2.978,
    "text: numbered": -2.851,
    "text: untitled article": 2.85,
    "heading: under a label": 2.608,
    "text: flush left": -2.573,
    "heading: list goes on": -2.541,
    "heading: prev credit": 2.4,
    "heading: prev complete": 2.326,
    "text: para": -2.249,
    "heading: no text yet": -2.202,
    "text: prev credit": 2.188,
    "heading: prev byline": 2.083,
    "text: next dateline": 2.07,
    "heading: untitled article": 2.052,
    "text: picture": 2.019,
    "heading: after dateline 2": 1.914,
    "heading: has subheads": -1.859,
    "heading: next dateline": 1.826,
    "heading: end of page": -1.702,
    "heading: names heading": -1.674,
    "heading: question heading": -1.616,
    "heading: news article": 1.506,
    "bias": -1.452,
    "heading: prev names": 1.422,
    "heading: figures": -1.358,
    "text: prev complete": 1.352,
    "text: untitled lede": 1.323,
    "heading: long run": -1.303,
    "text: next heading": -1.129,
    "heading: just opened": -1.078,
    "heading: after a caption": -1.021,
    "text: list goes on": -0.913,
    "text: end of page": 0.889,
    "text: just opened": 0.876,
    "text: lede": 0.848,
    "text: prev closing byline": -0.819,
    "heading: heading": 0.798,
    "text: under a label": -0.768,
    "heading: long article": 0.732,
    "heading: after figures": 0.719,
    "text: has subheads": -0.708,
    "text: prev names": 0.698,
    "heading: bylined article": -0.603,
    "text: dateline": 0.544,
    "heading: short heading": -0.543,
    "heading: prev picture": -0.522,
    "text: after a caption": 0.478,
    "text: prev heading": -0.461,
    "heading: next heading": 0.449,
    "heading: short section": -0.435,
    "text: picture article": -0.425,
    "text: reported": -0.415,
    "text: next byline": 0.329,
    "heading: short over dateline": -0.29,
    "text: long article": 0.242,
    "text: no text yet": 0.224,
    "text: news article": -0.223,
    "text: bylined article": 0.221,
    "heading: picture article": -0.22,
    "text: dateline in article without": 0.218,
    "heading: prev closing byline": -0.195,
    "text: indented": -0.183,
    "heading: prev heading": 0.179,
    "text: another dateline": -0.088,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出发行成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也员说各明好平事表能次区已位度十起入心"
    "务化而最去当使机并利据由场正还通三问特制向可及立近所强两产京小此着名里都间种期第"
    "学万系法设共文活点达代题意基取些持结情任解济元统如领应金子委导组门举保程决世改张"
    "二量性步因水交资界相先计调更广局东别受联把安但放然西美无深增管际指认办省式五首讯"
    "南至比原形品求项少图给集信处院风接手议治看数科件示收推又海府片路积常物极只级四造"
    "规干几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家新华一个华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国一些企业了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际积极改革主要活动新的自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议的重人员"
    "精神关系技术这个举行实现水平中的特别一年一次努力历史可以解决进一提供基础的大的人"
    "上的代表建立到了表示就是部分提出作用服务在这取得参加业的人们以及群众人的许多们的"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新政治出的不断已经的经会主继续美国指出单位合作政策展的希望好的这种全面干部具有"
    "国务成了工程家的作的支持条件联合稳定发生现在重点决定计划得到同志附图不能国内的基"
    "一种主席措施十五中心开展行了促进科技形成共同现代投资实际要的出现的主进入第二采取"
    "广大在一科学部长为了坚持环境项目增加以上事业增长面的过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅起来区的报记发挥总理产品十分社北各种思想的情教育保持的问"
    "现了资金开放两个也是介绍定的的生能力重视会上日前万元个人作出正在的同什么经营的时"
    "了解都是结构城市制度实行系统受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括负责集团最大目标得了国有各地成功只有党的调整"
    "长期民族传统形式不同社记的成一位看到重大职工强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的的作深入天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域统一理论"
    "新年农业五大产生电记如何保证一起安全自然之间样的是我首先帮助的高原因所有根本也不"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家济的但是意义的事生的落实内容的方一批信息在中经验大力的实在北收入"
    "性的成果联系贡献文明的第存在机关推进关部造成持续者的优势还是设的规定亿元加了间的"
    "健康年代机构之一保护各级场经引起改善关于艺术组成分析制定按照大会最后行为直接泽民"
    "力量参与发表结束的不大量江泽的原的各阶段的历劳动美元这次力的有限为主一条的全扩大"
    "增强效益一项当地大学银行资源了这国政对于正式在国集中宣传里的接受电视形势的优实践"
    "起了后的加快结果多年表现反映国民行动和平突破出来处理真正在新才能的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的和发竞争原则外交动的来了变化业和然而中共"
    "日本他的带来具体下午欢迎每年成绩品的宣布总统甚至使用下的来自小平础上更加的最利益"
    "前的先后之后是中代化关键革开二十为一任何指导完全整个为中标准长的行业地的个月连续"
    "当前的十一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的几个年底严格"
    "优秀行政邓小内外能够大家的社万人很大减少的建及时时代自治方针改变知识多种多人程中"
    "程度而是学生体系报告各项家庭进步贯彻的意一大办法度的出版人才在我场的理的转变作者"
    "比较虽然并不青年的目特色国国中华一天感到状况两国财政元的也有另一有人一月面临众的"
    "的思来到监督随着制的人士一是到一年前商业方法和人关注的形务的尤其题的一系明确门的"
    "丰富大型在此举办合理民主们在只要一部适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的定了等方逐步和经一点一样所以二是尽管非常有利素质意识的信人口十年面对探索"
    "出一的改和中不会作品平均迅速界的时候学的的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化观念为人多万革命部队图为国外学院交通广泛多个令人的要商品的行恢复"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由合国国各三个"
    "办的规范常委设备公里左右范围开拓未来今后供了者王进程不久执行局面控制业务越来来越"
    "相互一方正是共中来说都有发出确定出席首都著名系的做好已有河北上了电话而不义的去的"
    "多名天下内的普遍平的的自速度近日因素居民的特消费十一趋势导人面积检查的影对此反对"
    "给予如此生命形象较大开了道路的指大精人大同的用于实的相当方向始终标志拥有不到为此"
    "现实纷纷在京培养集体产的的美协调的前切实重的需求安排统的岁的成一运动的老选择快速"
    "的结经常的产维护信心顺利坚决况下了新京市机会地说委书大部万多的战应当贸易界上体的"
    "府的是对作了医院国经走向的外对外艰苦党中展和上午者刘党委推出有所还要特点整体限公"
    "得的进展处于罗斯进的是国只是下降院副比赛的资汽车相信各国了中平理有企的好市政的水"
    "为我的市针对再次奋斗下了更好建议色的终于作会放在特殊的比的决的支对中此间公安除了"
    "友好朋友由中式的运行争取展开利于态度那么中有及其一般了全培训专门法律英国广东成就"
    "全体正确危机国在市委市的工的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
