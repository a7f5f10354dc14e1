"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 50945 blocks (14606 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "text: cohesion": -11.381,
    "heading: cohesion": -10.611,
    "heading: not article gap": -5.363,
    "text: note": -4.477,
    "heading: flush left": 4.437,
    "text: not article gap": -4.115,
    "heading: next byline": 3.557,
    "heading: short over dateline": -3.457,
    "text: article gap": 3.321,
    "text: wider gap": 3.321,
    "heading: next subtitle": 3.271,
    "heading: numbered": -3.27,
    "text: untitled article": 3.249,
    "heading: picture": 3.239,
    "heading: wider gap": 3.237,
    "heading: article gap": 3.208,
    "text: local brief": 2.983,
    "heading: next names": 2.947,
    "text: picture": 2.792,
    "heading: list goes on": -2.673,
    "heading: under a label": 2.637,
    "text: numbered": -2.607,
    "text: para": -2.449,
    "heading: prev credit": 2.402,
    "heading: prev complete": 2.206,
    "text: untitled lede": 2.154,
    "heading: no text yet": -1.956,
    "heading: prev byline": 1.908,
    "heading: untitled article": 1.892,
    "heading: next dateline": 1.888,
    "heading: has subheads": -1.884,
    "heading: after dateline 2": 1.866,
    "text: prev credit": 1.848,
    "text: flush left": -1.812,
    "heading: names heading": -1.75,
    "bias": -1.672,
    "heading: end of page": -1.667,
    "heading: news article": 1.656,
    "heading: question heading": -1.641,
    "heading: prev names": 1.434,
    "text: prev complete": 1.432,
    "text: next heading": -1.398,
    "heading: long run": -1.302,
    "text: next dateline": 1.302,
    "text: no text yet": -1.289,
    "heading: figures": -1.283,
    "text: just opened": -1.205,
    "text: prev names": 1.185,
    "text: dateline": 1.073,
    "text: prev picture": -1.002,
    "heading: just opened": -0.982,
    "heading: after a caption": -0.961,
    "text: list goes on": -0.898,
    "text: dateline in article without": 0.853,
    "text: prev heading": -0.853,
    "text: prev closing byline": -0.81,
    "heading: heading": 0.777,
    "heading: short heading": -0.73,
    "heading: long article": 0.689,
    "text: has subheads": -0.688,
    "heading: bylined article": -0.589,
    "text: after a caption": 0.537,
    "heading: after figures": 0.514,
    "text: lede": 0.514,
    "heading: next heading": 0.481,
    "heading: prev picture": -0.454,
    "text: bylined article": -0.45,
    "heading: short section": -0.416,
    "text: prev byline": -0.349,
    "text: end of page": 0.326,
    "text: another dateline": 0.315,
    "text: picture article": -0.273,
    "heading: prev closing byline": -0.268,
    "heading: picture article": -0.222,
    "text: indented": -0.185,
    "text: next byline": 0.184,
    "text: under a label": -0.176,
    "text: long article": -0.125,
    "heading: prev heading": 0.104,
    "text: reported": 0.094,
    "text: news article": 0.086,
    "heading: note": -0.001,
}

# The commonest two-character strings of the articles (left out of cohesion),
# written one after another.
_COMMON = (
    "记者本报中国日电国家一个新华华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国企业一些了一方面地区没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际积极改革主要活动新的自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议的重人员"
    "精神关系技术这个举行实现水平中的一年特别一次历史努力可以解决进一基础提供的大的人"
    "上的代表建立到了表示就是部分提出作用服务在这参加取得业的人们以及群众人的们的许多"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新不断政治出的已经的经会主继续美国指出单位合作政策希望展的好的这种全面干部具有"
    "国务成了工程家的作的支持条件联合发生稳定现在重点决定计划同志得到附图不能国内的基"
    "一种主席措施十五中心开展行了科技促进形成现代共同投资要的实际出现的主进入第二采取"
    "广大在一科学部长为了坚持环境项目增加以上事业增长面的过去经过世纪一定的中不是实施"
    "任务达到己的地方务院不仅起来区的报记发挥总理产品十分社北各种思想的情教育保持的问"
    "现了资金两个开放也是介绍定的的生能力重视会上日前万元个人正在作出的同什么经营的时"
    "了解都是结构城市制度实行系统受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括负责集团最大得了目标国有各地成功只有党的长期"
    "调整民族传统形式不同社记的成一位看到重大职工强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的深入的作天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域新年理论"
    "统一农业五大产生电记如何保证一起安全自然之间是我样的首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制解放不少的精系列"
    "认真工业有效专家但是济的意义的事生的落实内容的方一批信息在中经验大力的实在北收入"
    "性的文明贡献联系成果的第存在机关推进关部造成持续者的优势还是设的规定亿元加了间的"
    "健康年代机构之一保护各级场经引起改善关于艺术组成分析制定按照大会最后行为直接力量"
    "泽民发表参与结束的不大量的原江泽的各的历阶段劳动美元这次力的有限为主一条扩大的全"
    "增强效益一项当地大学银行资源了这对于国政正式在国集中宣传里的接受电视形势实践的优"
    "起了后的加快结果多年表现反映国民和平行动突破出来处理才能在新真正的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的外交竞争和发原则来了动的变化业和然而日本"
    "中共他的带来具体下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后关键是中代化革开二十为一任何完全指导整个为中标准长的行业地的个月连续"
    "当前的十一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的年底几个严格"
    "优秀内外能够邓小行政大家的社万人很大减少的建及时改变方针自治时代知识多种多人程中"
    "程度而是学生体系报告各项进步家庭的意贯彻一大办法度的出版人才在我场的理的转变作者"
    "比较虽然并不青年的目国国特色中华感到一天状况两国财政元的也有另一有人一月面临众的"
    "的思来到监督随着制的人士一是到一年前商业方法和人关注的形务的尤其题的一系明确丰富"
    "门的大型在此举办一部只要们在合理民主适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的逐步等方定了和经一点一样所以二是非常有利尽管意识素质的信人口十年面对探索"
    "出一不会和中的改作品平均迅速界的时候学的的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化为人观念多万革命部队图为国外学院交通广泛多个令人的要商品的行恢复"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由合国国各办的"
    "三个规范常委设备公里左右范围未来开拓今后供了者王进程不久执行局面控制业务越来来越"
    "相互一方正是来说确定都有共中发出著名出席首都系的做好已有河北上了电话而不义的去的"
    "多名内的天下普遍的自平的速度近日因素居民的特消费十一趋势导人检查面积的影对此反对"
    "给予如此生命形象较大开了道路的指大精人大同的实的用于相当方向不到拥有始终标志为此"
    "现实纷纷在京培养集体产的协调的美的前切实重的需求安排统的岁的成一运动的老选择快速"
    "的结经常的产维护顺利信心坚决了新况下京市地说机会委书大部万多的战应当贸易界上体的"
    "府的是对作了医院国经走向对外的外艰苦党中展和者刘上午党委推出有所还要特点整体限公"
    "进展处于进的得的罗斯是国只是下降院副比赛的资汽车了中相信平理各国有企的好市政的水"
    "为我的市针对再次下了更好奋斗建议色的终于作会放在特殊的决的比的支对中此间公安除了"
    "朋友友好由中式的运行争取展开利于那么态度中有及其一般了全培训专门法律英国广东全体"
    "成就国在危机正确市委市的工的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON = frozenset(s[i : i + 2] for s in _COMMON for i in range(0, len(s), 2))
