"""每一条中文文案，按消息代码排列；{花括号} 由程序填入，与英文版一一对应。"""

MESSAGES: dict[str, str] = {
    # errors: the grammar
    "error_prefix": "抱歉，没看懂这条命令。",
    "try": "试试：{example}",
    "did_you_mean": "是不是想输入 `{suggestion}`？",
    "missing_command": "`{word}` 前面需要一个命令。",
    "unknown_command": "不认识命令 `{word}`。",
    "unknown_key": "`{word}`：这里没有 `{key}` 这个选项。",
    "duplicate_key": "`{word}`：`{key}` 重复给出了。",
    "tokens_twice": "`{word}` 和 `{option}` 都给出了 token 数：只保留一个。",
    "missing_params": "`{command}` 需要模型参数量（如 `175B`、`1750亿`）或模型名称（见 `models`）。",
    "bad_params": "`{word}` 既不是参数量（如 `175B`、`1.8T`、`1750亿`、`8x222B`），也不是模型名称。",
    "bad_tokens": "`{word}` 不是 token 数量（如 `500B`、`13T`、`5000亿`）。",
    "unexpected_word": "这里不应出现 `{word}`：选项的写法是 `键=值`。",
    "unknown_gpu": "`{word}`：目录里没有这款 GPU（见 `gpus`）。",
    "bad_value": "`{word}` 不是有效的 {key}：应写成 `{expected}` 这样。",
    "out_of_range": "`{word}` 超出范围。",
    "out_of_range_gt": "`{word}` 超出范围：必须大于 {limit}。",
    "out_of_range_ge": "`{word}` 超出范围：必须至少为 {limit}。",
    "out_of_range_lt": "`{word}` 超出范围：必须小于 {limit}。",
    "out_of_range_le": "`{word}` 超出范围：必须不超过 {limit}。",
    "active_exceeds_params": "`{word}`：激活参数不能超过模型总参数。",
    # free text, read back
    "read_as": "理解为 `{command}`",
    "read_ignored": "未使用：{words}",
    "word_separator": "、",
    "read_typo": "`{word}` 按 `{meant}` 理解。",
    "read_unknown_model": "`{word}` 不是预设模型：按其规模 {params} 计算。",
    "read_nearest_model": "`{word}` 按预设 `{preset}` 理解。",
    "read_model_choice": "`{word}` 可能指不止一个模型：按 `{chosen}` 理解；另一个：`{command}`",
    "read_job_default": "没有说明任务：按训练理解；如要推理部署：`{command}`",
    "read_job_run": "`run` 按推理部署理解；如要训练：`{command}`",
    "read_epochs": "{tokens} token 训练 {epochs} 轮，按 {total} token 计算。",
    "read_second_model": "`{word}` 是另一个模型：一次回答一个（比较是在 GPU 之间）；它的命令：`{command}`",
    "read_precision": "`{word}` 按 `{precision}` 理解（目录中最接近的精度）。",
    "read_missing_params": "缺少：模型规模或名称（如 `70B`、`700亿` 或 `llama3.1-70b`）。",
    "read_missing_tokens": "缺少：微调用的 token 数（如 `100M`、`1亿`）。",
    "read_missing_second_gpu": "缺少：用来比较的第二款 GPU。",
    "read_not_supported": "`{part}` 暂不支持；支持后，你的问题就是 `{command}`。",
    # errors: the engine
    "no_price": "目录中没有 {gpu} 的公开价格：请用 `price=` 给出每 GPU 小时的美元价格。",
    "precision_unsupported": "{gpu} 没有 {precision} 峰值（它支持 {available}）：请选择 `precision=` 或设置 `flops=`。",
    "unknown_model": "`{model}` 不是预设模型（见 `models`）。",
    "tokens_mismatch": "`tokens={tokens}` 不等于 `input={input}` 加 `output={output}`。",
    "input_exceeds_tokens": "`input={input}` 占满了 `tokens={tokens}`，没有留给输出的 token。",
    "output_exceeds_tokens": "`output={output}` 大于 `tokens={tokens}`。",
    "no_bandwidth": "目录中没有 {gpu} 的显存带宽，推理估算需要它：请换一个 `gpu=`。",
    "internal_error": "抱歉，我们这边出了问题，错误已记录；请稍后再试。",
    # titles
    "train_title": "训练 {subject}，{tokens} tokens",
    "infer_title": "推理服务：{subject}",
    "subject_params": "{params} 参数模型",
    "subject_moe": "{params} 参数模型（激活 {active}）",
    # headlines
    "train_headline": (
        "≈ {cost}（MFU {mfu}，{mfu_kind}；MFU {mfu_low}–{mfu_high}% 时为 {low}–{high}）· 峰值算力下 {peak}（种子文档的公式）"
    ),
    "train_headline_seed": "≈ {cost}：种子文档的公式（按峰值算力，MFU 100%）",
    "mfu_typical": "典型值",
    "mfu_yours": "你设定的",
    "mfu_team": "团队默认",
    "infer_headline": "≈ 每千 token {per_1k}（每百万 {per_1m}）· {bound}受限，batch {batch}，{cards} × {gpu}",
    "infer_headline_seed": "≈ 每千 token {per_1k}：种子文档的公式 · 标准公式为 {standard}",
    "bound_compute": "算力",
    "bound_memory": "显存带宽",
    # fields
    "field_flops": "计算量（FLOPs）",
    "flops_value": "{flops}（{per_param_token} × {active} × {tokens}）",
    "field_gpu_hours": "GPU 小时",
    "gpu_hours_value": "MFU {mfu} 时 {hours} · 峰值时 {peak}",
    "field_wall_clock": "训练时长",
    "wall_clock_value": "{gpus} 张 GPU 上 {time}（峰值时 {peak}）",
    "wall_clock_missing": "加上 `gpus=N` 即可看到",
    "field_cost": "费用",
    "cost_value": "MFU {mfu} 时 {cost} · 峰值时 {peak}",
    "field_memory": "训练状态显存",
    "memory_value": "{size}（每参数 16 字节，混合精度 Adam）· 至少需要 {gpus} × {gpu}",
    "memory_value_unknown": "{size}（每参数 16 字节，混合精度 Adam）",
    "field_energy": "能耗",
    "energy_value": "{mwh} 兆瓦时（每张 GPU {watts} W × PUE {pue}）",
    "field_reported": "公开报告的训练",
    "reported_value": "{hours} {gpu} GPU 小时（{source}）· 折合 MFU {mfu}",
    "field_cost_per_1k": "每千 token 费用",
    "per_1k_value": "{per_1k}（每百万 token {per_1m}）· 每次请求 {per_request}",
    "field_floor": "算力下限",
    "floor_value": "每千 token {floor}（每 token 2 × {active} FLOPs）· batch ≥ {crossover} 时达到",
    "field_throughput": "吞吐量",
    "throughput_value": "整个 batch 合计每秒 {tps} tokens",
    "field_latency": "延迟",
    "latency_value": "每次请求 {latency}（输入 {input}，输出 {output}）",
    "field_cards": "卡数",
    "cards_value": "{cards} × {gpu} · 权重至少需要 {min_cards} 张",
    "cards_value_unknown": "{cards} × {gpu}",
    # assumptions
    "assumptions": "假设",
    "a_gpu": "GPU",
    "a_gpu_value": "{name}，{precision}，稠密峰值 {peak} TFLOPS — {source}",
    "a_gpu_value_override": "{name}，{precision}，峰值 {peak} TFLOPS（你设定的）",
    "a_gpu_sparse_halved": "；NVIDIA 标注的是稀疏算力，此处为稠密值（稀疏 / 2）",
    "a_mfu": "MFU",
    "a_mfu_typical": "{mfu}，公开训练的典型值（25–50%）",
    "a_mfu_typical_infer": "{mfu}，推理中受算力限制步骤（prefill、大 batch）的典型值",
    "a_mfu_yours": "{mfu}，你设定的",
    "a_mfu_team": "{mfu}，{label}",
    "a_mfu_seed": "100%，种子文档的假设（峰值）",
    "a_mbu": "MBU",
    "a_mbu_value": "{bandwidth} TB/s 显存带宽的 {mbu} · 每个权重 {bytes} 字节",
    "a_price": "价格",
    "a_price_catalog": "每 GPU 小时 ${price}：{provider}，{model}，{as_of} — {source}",
    "a_price_label": "每 GPU 小时 ${price}，{label}",
    "a_price_stale": "⚠ 可能已过时",
    "a_discount": "折扣",
    "a_discount_none": "无",
    "a_discount_value": "减 {discount}（支付 {paid}）",
    "a_currency": "币种",
    "a_currency_usd": "美元",
    "a_currency_cny": "人民币，汇率 {rate}",
    "a_tokens": "Tokens",
    "a_tokens_given": "{tokens}",
    "a_tokens_preset": "{tokens}，来自预设 {model}",
    "a_tokens_chinchilla": "{tokens}，每参数 20 个（Chinchilla 最优；未给出）",
    "a_opt": "优化",
    "a_opt_value": "费用减 {opt}",
    "your_price": "你的价格",
    "notes": "说明",
    "reproduce": "复现命令",
    # notes
    "note_price_stale": "目录价格的日期为 {as_of}，已超过 12 个月，可能已过时。可用 `price=` 设定你的价格。",
    "note_price_undated": "目录价格没有注明日期，可能已过时。可用 `price=` 设定你的价格。",
    "note_gpu_flags": "关于 {gpu}：{flags}。",
    "note_tokens_chinchilla": "未给出 token 数：按每参数 {per_param} 个（Chinchilla 最优）。",
    "note_moe_active": "混合专家模型：计算量按 {total} 中激活的 {active} 参数计。",
    "note_recompute_full": "完全激活重计算：计算量为 8·N·D 而不是 6·N·D。",
    "note_seed_train": "formula=seed：种子文档的算法，按峰值算力（MFU 100%）和总参数计算。",
    "note_weights_do_not_fit": "权重（{weights_gb} GB）放不进 {cards} 张卡：至少需要 {min_cards} 张。",
    "note_seed_infer": (
        "formula=seed：种子文档用每小时价格去除而不是相乘，漏掉了它自己公式里的 ×2，"
        "并让 batch 和卡数去除费用。标准公式为每千 token {standard}。"
    ),
    "note_memory_bound": "当前 batch 下解码受显存带宽限制：增大 batch 可降低费用，最低到每千 token {floor}。",
    "note_cards_cut_latency": "多卡并行降低延迟，不降低费用：k 张卡每秒的费用是 k 倍。",
    "note_kv_cache_ignored": "未计入 KV 缓存的显存和读取。",
    # units
    "unit_s": "秒",
    "unit_min": "分钟",
    "unit_h": "小时",
    "unit_days": "天",
    "unit_years": "年",
    # listings
    "gpus_title": "GPU 目录：稠密峰值与默认价格",
    "gpu_line": "{id}：{name} · {peak} TFLOPS {precision} · {memory} GB · {bandwidth} TB/s · {power} W · {price}",
    "gpu_price": "${price}/小时 {provider} {model}，{as_of}",
    "gpu_no_price": "无公开价格：请给出 `price=`",
    "pricing_on_demand": "按需",
    "pricing_reserved_3_years": "3 年预留",
    "pricing_assumed_rental": "假定租用价格",
    "price_undated": "未注明日期",
    "gpus_footer": "峰值为稠密算力（NVIDIA 标注的是稀疏算力，高一倍）。用 `gpu=<id>`；`A100` 指 80GB SXM。",
    "models_title": "预设模型",
    "model_line": "{name}：{title} · {params} 参数{active} · {tokens} tokens — {source}",
    "model_active": "（激活 {active}）",
    "model_tokens_unknown": "未公开",
    "help_title": "llmcost：训练或部署一个大语言模型要花多少钱",
    "help_natural": "直接提问",
    "help_natural_lines": (
        "训练一个700亿参数模型 2万亿token 要多少钱\n"
        "用H800训练deepseek v3 要多少钱\n"
        "在 A100 上部署 700亿参数模型，批量 32\n"
        "how much to train llama 3 70b on 2T tokens with H100s?\n"
        "每个回答开头都写明它被理解成的命令：复制它即可修改任意一项。"
    ),
    "help_usage": "用法",
    "help_lines": (
        "`train <参数量|模型> [tokens] [键=值 ...]`：训练费用\n"
        "`infer <参数量|模型> [键=值 ...]`：推理每千 token 费用\n"
        "`compare <train|infer ...> [gpu=A100,H100,...]`：同一任务在多款 GPU 上对比，附图表\n"
        "`gpus`：GPU 目录及价格和出处 · `models`：预设模型\n"
        "`set <键> <值>` · `settings` · `reset [键]`：工作区默认值（price、gpu、currency、rate、mfu）\n"
        "`help train` · `help infer` · `help keys` · 加 `lang=en` 用英文回答"
    ),
    "help_examples": "示例",
    "help_example_lines": (
        "`train 1750亿 5000亿 discount=5折 currency=CNY` · `train gpt3` · `train llama3.1-405b gpu=H100 gpus=16384`\n"
        "`infer 70B batch=32 gpu=H100` · `infer 8222亿 flops=100T price=3.93 formula=seed`"
    ),
    "help_train": (
        "计算量 = 6 × 激活参数 × tokens（`recompute=full` 时为 8）；GPU 小时 = 计算量 / (峰值 × MFU)；"
        "费用 = GPU 小时 × 价格 × (1 − 折扣)。\n"
        "选项：`gpu= price= flops= precision= mfu= gpus= active= discount= currency= rate= recompute= formula= pue=`"
    ),
    "help_infer": (
        "batch B、k 张卡的一步解码，受算力（每步 2·N·B FLOPs）或从显存读取权重的限制，取较慢者；"
        "每千 token 费用 = 步数 × 每步时间 × k × 价格。多卡降低延迟，不降低费用。\n"
        "选项：`tokens= input= output= batch= cards= opt= mbu= gpu= price= flops= precision= mfu= discount= "
        "currency= rate= formula=`"
    ),
    "help_keys": (
        "数字：`175B` `1.8T` `7e9` `70_000_000_000` `1,000` `1750亿` `1.8万亿` `5万` `8x222B`（8 个专家 × 222B）。\n"
        "比例：`mfu=40%` 或 `mfu=0.4`；`discount=50%` 或 `discount=5折`（支付 50%）。\n"
        "金额：`price=` 为每 GPU 小时美元价格；`currency=CNY`（或 `元`）按 `rate=` 换算（默认 7.1）。"
    ),
    # the Slack app
    "share_button": "分享到频道",
    "shared_by": "由 {user} 分享",
    "config_missing": "缺少必需的设置 {name}",
    "config_invalid": "设置 {name} 无效",
    "database_unavailable": "无法将数据库 {url} 升级到最新结构：{cause}",
    "config_oauth_socket_mode": (
        "SLACK_APP_TOKEN（Socket Mode，单个工作区）不能与 SLACK_CLIENT_ID 和 SLACK_CLIENT_SECRET"
        "（通过 HTTP 安装到多个工作区）同时设置：请去掉其中一方"
    ),
    # compare
    "compare_missing_job": "`compare` 后面先写 `train` 或 `infer`，再写任务本身，与单次估算的写法相同。",
    "compare_one_gpu": "`{word}` 只有一款 GPU：对比需要两款或更多（或不写 `gpu=`，对比默认的 {count} 款）。",
    "compare_title": "{job}：{count} 款 GPU 对比",
    "compare_headline": "最便宜：{cheapest}，{cost} · 最快：{fastest}，{time}",
    "compare_headline_both": "{gpu} 既最便宜（{cost}）又最快（{time}）",
    "compare_per_1k": "每千 token {cost}",
    "compare_gpu_hours": "{hours} GPU 小时",
    "compare_chart_cost": "费用（MFU {mfu}）",
    "compare_chart_gpu_hours": "GPU 小时（MFU {mfu}；GPU 数量相同时越少越快）",
    "compare_chart_wall_clock": "{gpus} 张 GPU 上的训练时长（MFU {mfu}）",
    "compare_chart_latency": "每个请求的延迟（输入 {input}，输出 {output}）",
    "compare_rows": "逐款明细",
    "compare_row_train": "{cost} · {time} · {peak} TFLOPS {precision} · {price}",
    "compare_row_infer": "每千 token {cost} · 每个请求 {time} · {cards} 张卡，{bound}受限 · {price}",
    "compare_does_not_fit": "⚠ 权重至少需要 {min_cards} 张卡",
    "compare_skipped": "已跳过：{reason}",
    "note_compare_one_price": "你设定的价格（每 GPU 小时 ${price}）用于所有 GPU：它们只在速度上有差别。",
    "note_compare_one_peak": "你设定的 `flops=` 是所有 GPU 共用的峰值：它们只在价格和显存带宽上有差别。",
    # team defaults (set, settings, reset)
    "team_price_label": "团队价格，由 {user} 于 {date} 设定",
    "team_mfu_label": "团队默认，由 {user} 于 {date} 设定",
    "missing_setting": "`{command}` 需要指明设置项：gpu、price、currency、rate 或 mfu。",
    "unknown_setting": "`{word}` 不是团队设置项：请选择 gpu、price、currency、rate 或 mfu。",
    "missing_setting_value": "`{command}` 缺少取值。",
    "team_commands_need_a_workspace": "`{command}` 用于保存 Slack 工作区的默认值：请在 Slack 中使用 `/llmcost {command}`。",
    "not_admin": "只有工作区管理员和所有者，以及应用的 LLMCOST_ADMINS 列出的人{named}，才能修改团队默认值。任何人都可以用 `settings` 查看。",
    "settings_title": "本工作区的团队默认值",
    "settings_none": "尚未设置：估算使用目录中的 GPU、价格和典型 MFU。",
    "settings_footer": "管理员可用 `set gpu H100`、`set price H100 1.85`、`set currency CNY`、`set rate 7.2`、`set mfu 40%` 修改；`reset [设置项]` 删除。命令中直接给出的值始终优先。",
    "setting_line": "{name}：{value} · 由 {user} 于 {date} 设定",
    "setting_name_gpu": "GPU",
    "setting_name_price": "{gpu} 的价格",
    "setting_name_currency": "货币",
    "setting_name_rate": "汇率",
    "setting_name_mfu": "MFU",
    "setting_value_price": "每 GPU 小时 ${price}",
    "setting_value_rate": "1 美元兑 {rate} 元",
    "setting_saved": "已为本工作区保存：{name} = {value}。此后这里的估算都会使用它，除非命令中另行给出。",
    "setting_removed": "已删除团队的{name}设置：估算恢复使用默认值。",
    "setting_was_not_set": "本工作区没有设置{name}：无需删除。",
    "settings_removed_all": "已删除全部 {count} 项团队默认值：估算恢复使用目录中的值。",
    # the Slack app: the menus under an estimate, the form (bare /llmcost), the Home tab
    "control_gpu": "换一款 GPU",
    "control_gpu_option": "{gpu} · ${price}/小时",
    "control_gpu_no_price": "{gpu} · 无公开价格",
    "control_mfu": "换一个 MFU",
    "control_mfu_option": "MFU {mfu}",
    "modal_title": "llmcost 估算",
    "modal_submit": "估算",
    "modal_close": "取消",
    "modal_intro": "要花多少钱？填上模型即可；其余各项都有默认值，回答中会写明。",
    "modal_kind": "任务",
    "modal_kind_train": "训练",
    "modal_kind_infer": "推理（部署）",
    "modal_params": "参数量或模型",
    "modal_params_hint": "175B、1.8T、8x222B、1750亿，或预设名，如 gpt3、llama3.1-405b",
    "modal_tokens": "Tokens",
    "modal_tokens_hint": "训练：训练所用 token 数（默认每个参数 20 个）。推理：每个请求的 token 数（默认 1000）。",
    "modal_gpu": "GPU",
    "modal_gpu_hint": "默认：团队设置的 GPU，否则为 A100 80GB。",
    "modal_price": "价格（美元/GPU 小时）",
    "modal_price_hint": "默认：目录中该 GPU 的价格。",
    "modal_mfu": "MFU",
    "modal_mfu_hint": "达到的峰值算力比例：40% 或 0.4。默认：训练 35%，推理 50%。",
    "modal_gpus": "GPU 数量",
    "modal_gpus_hint": "训练：用于估算耗时。推理：每个副本的卡数。",
    "home_title": "llmcost：训练或部署一个语言模型要花多少钱",
    "home_intro": (
        "输入 `/llmcost` 打开表单，或直接输入命令立即得到回答。每个估算都写明假设和来源；"
        "在估算下方换一款 GPU 或一个 MFU，即可看到差别。"
    ),
    "home_catalog": "GPU 目录：稠密峰值与默认价格",
    "home_gpu_line": "*{id}* · {peak} TFLOPS {precision} · {memory} GB · {price}",
    "home_price": "${price}/小时，{provider} {model}，{as_of}{stale}（来源：{source}）",
    "home_stale": " ⚠ 超过一年或未注明日期",
}
