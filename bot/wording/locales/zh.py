"""每一条中文文案，按消息代码排列；{花括号} 由程序填入，与英文版一一对应。"""

MESSAGES: dict[str, str] = {
    # errors: the grammar
    "error_prefix": "抱歉，没看懂这条命令。",
    "try": "试试：{example}",
    "did_you_mean": "是不是想输入 `{suggestion}`？",
    "one_of": "可选值：{choices}。",
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
    "read_days_with_gpus": "{days} 天和 {gpus} 张 GPU 都在指定集群：按 {gpus} 张 GPU 理解，训练时长一行给出所需时间；去掉 `gpus=` 只写 `days={days}`，可得 {days} 天内完成所需的 GPU。",
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
        "≈ {cost}（MFU {mfu}，{mfu_kind}；按公开训练的 MFU {mfu_low}–{mfu_high}% 为 {low}–{high}）· 峰值算力下 {peak}（即 MFU 100%，种子文档的假设）"
    ),
    "train_headline_seed": "≈ {cost}，按峰值算力（MFU 100%；formula=seed：种子文档的算法）",
    "mfu_typical": "典型值",
    "mfu_yours": "你设定的",
    "mfu_team": "团队默认",
    "infer_headline": "每百万 token 输入 {input} / 输出 {output}，{cards}×{gpu}，每 token {tpot}，首 token {ttft}",
    "infer_headline_seed": "≈ 每千 token {per_1k}，按种子文档的公式（formula=seed）· 标准公式为 {standard}",
    "bound_compute": "算力",
    "bound_memory": "显存带宽",
    # fields
    "field_flops": "计算量（FLOPs）",
    "flops_value": "{flops}（{per_param_token} × {active} × {tokens}）",
    "field_gpu_hours": "GPU 小时",
    "gpu_hours_value": "MFU {mfu} 时 {hours} · 峰值时 {peak}",
    "field_wall_clock": "训练时长",
    "wall_clock_value_other": "{gpus} 张 GPU 上 {time}（峰值时 {peak}）",
    "wall_clock_missing": "加上 `gpus=N` 或 `days=N` 即可看到",
    "field_cost": "费用",
    "cost_value": "MFU {mfu} 时 {cost} · 峰值时 {peak}",
    "field_memory": "训练状态显存",
    "memory_value": "{size}（{what}）· 至少需要 {gpus} × {gpu}",
    "memory_value_unknown": "{size}（{what}）",
    "memory_what_full": "每参数 {base_bytes} 字节，混合精度 Adam",
    "field_energy": "能耗",
    "energy_value": "{mwh} 兆瓦时（每张 GPU {watts} W × PUE {pue}）",
    "field_reported": "公开报告的训练",
    "reported_value": "{hours} {gpu} GPU 小时（{source}）· 折合 MFU {mfu}",
    "field_cost_per_1k": "每千 token 费用",
    "field_floor": "算力下限",
    "floor_value": "每千 token {floor}（每 token 2 × {active} FLOPs）· batch ≥ {crossover} 时达到",
    "floor_value_never": "每千 token {floor}（每 token 2 × {active} FLOPs）· 达不到：KV 缓存的读取随 batch 与算力同速增长",
    "field_price_1m": "每百万 token 价格",
    "price_1m_value": "输入 {input} · 输出 {output} · 按本请求形态综合 {blended} · 每次请求 {per_request}",
    "field_cheapest": "本硬件最低价",
    "cheapest_value": "batch {batch}（放得下的最大值）时输入 {input} / 输出 {output} 每百万（每 token {tpot}）",
    "field_latency": "延迟",
    "latency_value": (
        "首 token {ttft} · 每个输出 token {tpot}（每用户每秒 {per_user} tokens）· 每次请求 {latency}"
        "（输入 {input}，输出 {output}）"
    ),
    "field_throughput": "吞吐量",
    "throughput_value": (
        "batch {batch} 合计每秒 {tps} 输出 tokens（每卡 {per_gpu}）· 输入输出合计每秒 {total} tokens · "
        "prefill 占 GPU 时间 {prefill} · 解码{bound}受限"
    ),
    "field_memory_serving": "每卡显存",
    "memory_serving_value": (
        "权重 {weights} GB + KV 缓存 {kv} GB + 运行时预留 {reserve} GB，共 {capacity} GB，{cards} × {gpu} · "
        "可容纳 {max_batch} 个 {context} token 的序列 · 此 batch 至少需要 {min_cards}"
    ),
    "field_deployment": "部署",
    "cards_count_other": "{count} 张卡",
    "replicas_count_other": "{count} 个副本",
    "deployment_value": "每秒 {rps} 个请求：{replicas} × {cards} = {gpus} × {gpu}，每个 batch {batch} · 每月 {monthly}",
    "a_request": "请求",
    "a_request_given": "输入 {input} tokens，输出 {output}",
    "a_request_chat_default": "输入 {input}，输出 {output}：我们对聊天的假设（提示会重发之前的对话）",
    "a_request_seed": "生成 {output} tokens，即种子文档的 T",
    "a_batch": "Batch",
    "a_batch_given": "{batch}，你设定的（最多放得下 {max_batch}）",
    "a_batch_max": "{batch}，放得下的最大值：满载的服务器会把 KV 缓存占满",
    "a_batch_reduced": "{batch}，放得下的最大值（你要求的更多）",
    "a_batch_load": "{batch}，该请求速率下同时在处理的请求数（最多放得下 {max_batch}）",
    "a_batch_seed": "{batch}",
    "a_parallel": "卡",
    "a_parallel_tensor": "{cards} 张，张量并行{links}",
    "a_parallel_pipeline": "{cards} 张：{pp} 个流水线阶段，每阶段 {tp} 张张量并行{links}",
    "a_parallel_expert": "{cards} 张：注意力数据并行（每张卡处理自己的序列），路由专家分布在各卡上，DeepSeek 类 MLA 模型的部署方式{links}",
    "a_links": " · all-reduce 与专家分发走 {link} GB/s 的卡间互联：占一个 decode 步骤的 {share}",
    "a_links_unknown": " · 目录中没有该卡的卡间互联带宽：其耗时未计入",
    "a_shape": "模型结构",
    "a_shape_preset": "{reference} 的配置：{layers} 层，{kv_heads} 个 KV 头 × {head_dim}，{attention} · KV 缓存每 token {kv_bytes} 字节（{kv}）",
    "a_shape_typical": (
        "该规模的典型结构，取自 {reference}：{layers} 层，{kv_heads} 个 KV 头 × {head_dim}，{attention} · "
        "KV 缓存每 token {kv_bytes} 字节（{kv}）（可设 `layers=` `kv_heads=` `head_dim=`）"
    ),
    "note_typical_shape": "未指定预设模型：KV 缓存按该规模的典型结构估算（{reference}）。",
    "note_chat_default": "未给出请求形态：每次请求输入 {input} tokens、输出 {output}，这是我们对聊天的假设。可设 `input=` 和 `output=`。",
    "note_batch_does_not_fit": "batch {batch} 与权重一起放不下：按放得下的最大值 {max_batch} 估算。加 `cards=` 可放更多。",
    "pp_does_not_divide_cards": "`cards={cards}` 不能平均分成 `pp={pp}` 个流水线阶段：`cards=` 应为阶段数 × 张量并行度，例如 `cards=8 pp=2`。",
    "kv_precision_unsupported": "KV 缓存不能用 {precision} 存储：请选择 {available} 之一。",
    "unit_ms": "毫秒",
    # assumptions
    "assumptions": "假设",
    "a_gpu": "GPU",
    "a_gpu_value": "{name}，{precision}，稠密峰值 {peak} TFLOPS — {source}",
    "a_gpu_value_override": "{name}，{precision}，峰值 {peak} TFLOPS（你设定的）",
    "a_gpu_sparse_halved": "；NVIDIA 标注的是稀疏算力，此处为稠密值（稀疏 / 2）",
    "a_mfu": "MFU",
    "a_mfu_typical": "{mfu}，公开训练的典型值（{low}–{high}%）",
    "a_mfu_typical_infer": "{mfu}，受算力限制的步骤（prefill、大 batch），按公开的推理结果拟合（每层 {cards} 路拆分时保留 {tp}）",
    "a_mfu_yours": "{mfu}，你设定的",
    "a_mfu_team": "{mfu}，{label}",
    "a_mfu_seed": "100%，种子文档的假设（峰值）",
    "a_mbu": "MBU",
    "a_mbu_value": "{bandwidth} TB/s 显存带宽的 {mbu}（每层 {cards} 路拆分时保留 {tp}）· 每个权重 {bytes} 字节",
    "a_price": "价格",
    "a_price_label": "每 GPU 小时 ${price}，{label}",
    "a_price_flags": "· ⚠ {flags}",
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
    "a_tokens_chinchilla": "{tokens}，每参数 {per_param} 个（Chinchilla 最优；未给出）",
    "a_opt": "优化",
    "a_opt_value": "费用减 {opt}",
    "your_price": "你的价格",
    "notes": "说明",
    "reproduce": "复现命令",
    # notes
    "note_price_stale": "目录价格的日期为 {as_of}，已超过 {stale_after_days} 天，可能已过时。可用 `price=` 设定你的价格。",
    "note_price_undated": "目录价格没有注明日期，可能已过时。可用 `price=` 设定你的价格。",
    "note_gpu_flags": "关于 {gpu}：{flags}。",
    "note_tokens_chinchilla": "未给出 token 数：按每参数 {per_param} 个（Chinchilla 最优）。",
    "note_moe_active": "混合专家模型：计算量按 {total} 中激活的 {active} 参数计。",
    "note_recompute_full": "完全激活重计算：计算量为 8·N·D 而不是 6·N·D。",
    "note_seed_train": "formula=seed：种子文档的算法，按峰值算力（MFU 100%）和总参数计算。",
    "note_weights_do_not_fit_other": "权重（{weights_gb} GB）放不进 {cards} 张卡：至少需要 {min_cards} 张。",
    "note_seed_infer": (
        "formula=seed：种子文档用每小时价格去除而不是相乘，漏掉了它自己公式里的 ×2，"
        "并让 batch 和卡数去除费用。标准公式为每千 token {standard}。"
    ),
    "note_memory_bound": "当前 batch 下解码受显存带宽限制：增大 batch 可降低费用，最低到每千 token {floor}。",
    "note_cards_cut_latency": "多卡并行降低延迟，不降低费用：k 张卡每秒的费用是 k 倍。",
    # units
    "unit_s": "秒",
    "unit_min": "分钟",
    "unit_h": "小时",
    "unit_days": "天",
    "unit_years": "年",
    # listings
    "gpus_title": "GPU 目录：稠密峰值与默认价格",
    "gpu_line": "{id}：{name} · {peak} TFLOPS {precision} · {memory} GB · {bandwidth} TB/s · {power} W · {price}",
    "gpu_no_price": "无公开价格：请给出 `price=`",
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
        "租 64 张 H100 三周多少钱\n"
        "how much to train llama 3 70b on 2T tokens with H100s?\n"
        "每个回答开头都写明它被理解成的命令：复制它即可修改任意一项。"
    ),
    "help_usage": "用法",
    "help_lines": (
        "`train <参数量|模型> [tokens] [键=值 ...]`：训练费用\n"
        "`infer <参数量|模型> [键=值 ...]`：推理每百万输入、输出 token 费用，延迟，显存\n"
        "`compare <train|infer ...> [gpu=A100,H100,...]`：同一任务在多款 GPU 上对比，附图表\n"
        "`sweep infer <参数量|模型> [键=值 ...]`：不同 batch 下的费用与每用户速度\n"
        "`gpus`：GPU 目录及价格和出处 · `models`：预设模型\n"
        "`rent <gpu> gpus=N days=N`：租用 GPU 的费用（不涉及模型）· `prices [gpu]`：按计价方式列出全部报价，附日期和来源 · "
        "`api [模型]`：每百万 token 的 API 价格\n"
        "`help train` · `help infer` · `help keys` · `help prices` · 加 `lang=en` 用英文回答"
    ),
    "help_in_slack": "仅在 Slack 中",
    "help_in_slack_lines": (
        "`/llmcost set <键> <值>` · `/llmcost settings` · `/llmcost reset [键]`：工作区默认值（price、gpu、currency、rate、mfu）"
    ),
    # 命令行（argparse 自己打印 "usage:" 和 "options:"）
    "cli_description": "训练或部署一个大语言模型要花多少钱：与 Slack 中 /llmcost 的回答相同。",
    "cli_words": "命令及其参数，写法与 Slack 中相同（见下）",
    "cli_help": "显示本帮助并退出",
    "cli_version": "显示版本并退出",
    "cli_json": '以 JSON 输出回答（键见 README）；输入有误时输出 {{"error": "..."}}，同样写到 stdout',
    "cli_lang": "回答的语言（在参数中写 `lang=zh` 效果相同）",
    "cli_epilog": (
        "命令：\n"
        "  train <参数量|模型> [tokens] [键=值 ...]         训练费用\n"
        "  finetune <参数量|模型> <tokens> [method=...]     微调：全参数、LoRA 或 QLoRA\n"
        "  infer <参数量|模型> [键=值 ...]                  推理：每百万输入与输出 token 的费用、延迟\n"
        "  sweep infer <参数量|模型> [键=值 ...]            不同 batch 下的推理：费用与每用户速度\n"
        "  compare <train|infer ...> [gpu=A100,H100,...]   同一任务在多款 GPU 上对比\n"
        "  gpus                                            GPU 目录及价格和出处\n"
        "  models                                          预设模型\n"
        "  rent <gpu> [gpus=N] [days=N|hours=N]            租用 GPU（不涉及模型）：卡数 × 小时 × 单价\n"
        "  prices [gpu]                                    按计价方式列出全部 GPU 报价，附日期和来源\n"
        "  api [model]                                     每百万输入、输出 token 的 API 价格\n"
        "  help [train|infer|keys|prices]                  公式、选项和数字写法\n"
        "\n"
        "仅在 Slack 中（工作区默认值，按工作区保存）：\n"
        "  /llmcost set <键> <值> · /llmcost settings · /llmcost reset [键]\n"
        "\n"
        "示例：\n"
        "  llmcost train 175B 500B mfu=40%\n"
        "  llmcost --json train 70B\n"
        "  llmcost --lang zh infer 70B batch=32 gpu=H100\n"
        "  llmcost compare train 70B 1.4T gpu=A100,H100,B200\n"
        "\n"
        "退出码：\n"
        "  0  给出了回答\n"
        "  2  输入有误：一行说明错在哪个词，并给出一条可用的命令\n"
        "  1  内部错误（程序的缺陷），或 LLMCOST_PRICES 指向的文件无法读取"
    ),
    "help_examples": "示例",
    "help_example_lines": (
        "`train 1750亿 5000亿 discount=5折 currency=CNY` · `train gpt3` · `train llama3.1-405b gpu=H100 gpus=16384`\n"
        "`infer llama3.3-70b gpu=H100 precision=fp8 rps=50` · `sweep infer 70B gpu=H100` · "
        "`infer 8222亿 flops=100T price=3.93 formula=seed`\n"
        "`租 H100 gpus=64 days=21` · `rent gpu=H100,B200 gpus=8 days=30`"
    ),
    "help_train": (
        "计算量 = 6 × 激活参数 × tokens（`recompute=full` 时为 8）；GPU 小时 = 计算量 / (峰值 × MFU × 有效训练时间占比)；"
        "费用 = GPU 小时 × 价格 × (1 − 折扣)。MFU 默认取该代 GPU 公开训练的中位数。\n"
        "`days=30`：30 天内完成所需的 GPU · `budget=1M`：该预算下计算最优的模型。\n"
        "选项：`gpu= price= flops= precision= mfu= goodput= gpus= days= budget= active= discount= currency= rate= "
        "recompute= formula= pue= basis= capex= years= util= kwh= ops=`"
    ),
    "help_infer": (
        "prefill 受算力限制（每个输入 token 2·N FLOPs）；每步解码读取权重和所有序列的 KV 缓存，或受算力限制，取较慢者。"
        "权重 + KV 缓存 + 预留必须放得下：`batch=max`（默认）为放得下的最大值。输入 token 按 prefill 时间计费，输出 token 按解码时间计费。\n"
        "选项：`input= output= tokens= context= batch= cards= pp= rps= kv= layers= kv_heads= head_dim= opt= mbu= gpu= "
        "price= flops= precision= mfu= discount= currency= rate= formula= basis= capex= years= util= kwh= pue= ops=`"
    ),
    "help_keys": (
        "数字：`175B` `1.8T` `7e9` `70_000_000_000` `1,000` `1750亿` `1.8万亿` `5万` `8x222B`（8 个专家 × 222B）。\n"
        "比例：`mfu=40%` 或 `mfu=0.4`；`discount=50%` 或 `discount=5折`（支付 50%）。\n"
        "金额：`price=` 为每 GPU 小时美元价格，人民币写 `price=¥15`（按 `rate=` 换算，以人民币回答）；"
        "`currency=CNY`（或 `元`）按 `rate=` 换算（默认 {rate}）。\n"
        "计价方式：`basis=on-demand`（默认；A100 保留种子文档的价格）、`commit`（1 年）、`commit-3y`、`spot`、`seed`；"
        "`basis=own` 为自购 GPU：`capex=` 每 GPU 美元、`years=`、`util=`（集群使用率）、`kwh=` 美元电价、`pue=`、"
        "`ops=`（运维占比）。"
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
    # sweep
    "sweep_title": "{job}，{cards}×{gpu}，不同 batch（输入 {input}，输出 {output}）",
    "sweep_headline": (
        "最佳点：batch {batch}，每百万 token {cost}，每用户每秒 {speed} tokens · 最便宜 {cheapest}，batch "
        "{cheapest_batch}（每用户每秒 {cheapest_speed} tokens）"
    ),
    "sweep_batch": "batch {batch}",
    "sweep_chart_cost": "每百万 token 费用（按请求形态综合）",
    "sweep_chart_speed": "每用户每秒输出 tokens",
    "sweep_rows": "各 batch",
    "sweep_row": "每百万输入 {input} / 输出 {output} · 每用户每秒 {speed} tokens · 首 token {ttft} · 每卡每秒 {per_gpu} tokens",
    "sweep_note_sweet_spot": "★ 最佳点：费用与最低价相差不超过 {margin} 的最小 batch。",
    "sweep_does_not_fit": "{cards} 张卡上权重旁连一个序列都放不下：至少需要 {min_cards} 张。",
    # compare
    "compare_missing_job": "`compare` 后面先写 `train` 或 `infer`，再写任务本身，与单次估算的写法相同。",
    "compare_one_gpu": "`{word}` 只有一款 GPU：对比需要两款或更多（或不写 `gpu=`，对比默认的 {count} 款）。",
    "compare_title_other": "{job}：{count} 款 GPU 对比",
    "compare_headline": "最便宜：{cheapest}，{cost} · 最快：{fastest}，{time}",
    "compare_headline_both": "{gpu} 既最便宜（{cost}）又最快（{time}）",
    "compare_per_1k": "每千 token {cost}",
    "compare_gpu_hours": "{hours} GPU 小时",
    "compare_chart_cost": "费用（MFU {mfu}）",
    "compare_chart_gpu_hours": "GPU 小时（MFU {mfu}；GPU 数量相同时越少越快）",
    "compare_chart_wall_clock_other": "{gpus} 张 GPU 上的训练时长（MFU {mfu}）",
    "compare_chart_latency": "每个请求的延迟（输入 {input}，输出 {output}）",
    "compare_rows": "逐款明细",
    "compare_row_train": "{cost} · {time} · {peak} TFLOPS {precision} · {price}",
    "compare_row_infer_other": "每千 token {cost} · 每个请求 {time} · {cards} 张卡，{bound}受限 · {price}",
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
    "settings_removed_all_other": "已删除全部 {count} 项团队默认值：估算恢复使用目录中的值。",
    # team defaults while the database is unavailable
    "team_defaults_unavailable": "这次未能读取团队默认值（数据库没有响应），本估算改用目录默认值（GPU、价格、MFU、货币）及命令中给出的值。",
    "settings_unavailable": "团队默认值暂时无法显示：数据库没有响应。估算仍可使用，按目录默认值计算；请过一分钟再试。",
    "set_unavailable": "未保存任何内容：数据库没有响应，暂时无法修改团队默认值。请过一分钟再发送一次。",
    "reset_unavailable": "未删除任何内容：数据库没有响应，暂时无法修改团队默认值。请过一分钟再发送一次。",
    # the Slack app: the menus under an estimate, the form (bare /llmcost), the Home tab
    "control_gpu": "换一款 GPU",
    "control_gpu_option": "{gpu} · ${price}/小时",
    "control_gpu_no_price": "{gpu} · 无公开价格",
    "control_mfu": "换一个 MFU",
    "control_mfu_option": "MFU {mfu}",
    "modal_title": "llmcost 估算",
    "modal_submit": "估算",
    "modal_close": "取消",
    "modal_intro": "要花多少钱？填上模型即可（租用 GPU 无需模型）；其余各项都有默认值，回答中会写明。",
    "modal_kind": "任务",
    "modal_kind_train": "训练",
    "modal_kind_infer": "推理（部署）",
    "modal_kind_rent": "租用 GPU（无需模型）",
    "modal_params": "参数量或模型",
    "modal_params_hint": "175B、1.8T、8x222B、1750亿，或预设名，如 gpt3、llama3.1-405b。租用时不填。",
    "modal_tokens": "Tokens",
    "modal_tokens_hint": "训练：训练所用 token 数（默认每个参数 {per_param} 个）。推理：每个请求生成的 token 数（默认输入 {input}、输出 {output}）。",
    "modal_gpu": "GPU",
    "modal_gpu_hint": "默认：团队设置的 GPU，否则为 A100 80GB。",
    "modal_price": "价格（美元/GPU 小时）",
    "modal_price_hint": "默认：目录中该 GPU 的价格。",
    "modal_mfu": "MFU",
    "modal_mfu_hint": "达到的峰值算力比例：40% 或 0.4。默认：训练取该代 GPU 公开训练的中位数（A100 为 {train_mfu}），推理 {infer_mfu}。",
    "modal_gpus": "GPU 数量",
    "modal_gpus_hint": "训练：用于估算耗时。推理：每个副本的卡数。租用：租用的 GPU 数（默认 1）。",
    "modal_days": "天数",
    "modal_days_hint": "租用：租多久（默认给出每小时、每天和每月的费用）。训练：在这么多天内训完所需的 GPU。",
    "home_title": "llmcost：训练或部署一个语言模型要花多少钱",
    "home_intro": (
        "输入 `/llmcost` 打开表单，或直接输入命令立即得到回答。每个估算都写明假设和来源；"
        "在估算下方换一款 GPU 或一个 MFU，即可看到差别。"
    ),
    "home_catalog": "GPU 目录：稠密峰值与默认价格",
    "home_gpu_line": "*{id}* · {peak} TFLOPS {precision} · {memory} GB · {price}",
    "home_price": "${price}/小时 {basis}，{provider}，{as_of}{stale}（来源：{source}）",
    "home_stale": " ⚠ 超过一年或未注明日期",
    # training: published runs, goodput, time and budget (issue 14)
    "mfu_fitted": "{generation} 公开训练的中位数",
    "mfu_borrowed": "{borrowed} 的中位数，未在 {generation} 上验证",
    "a_mfu_fitted": "{mfu}，{runs} 个公开 {generation} 训练的中位数（有效训练时间；{low}–{high} 为其第 5–95 百分位）",
    "a_mfu_few": "{mfu}，{runs} 个公开 {generation} 训练的中位数：未经验证（{low}–{high}：{borrowed} 的离散范围）",
    "a_mfu_borrowed": "{mfu}：没有公开的 {generation} 训练；未经验证：采用 {borrowed} 的值（{low}–{high}）",
    "a_mfu_basis": "MFU 按 16 位峰值计算，FP8 训练也一样（DeepSeek-V3：BF16 的 34.6% = FP8 的 17.3%）",
    "field_goodput": "故障与重启",
    "goodput_value_sized": (
        "有效训练时间占比 {goodput}，{gpus} 张 GPU（按同等规模公开训练的典型时长估算；可用 `gpus=` 或 `days=` 指定）："
        "+{hours} GPU 小时，+{cost}"
    ),
    "goodput_value_gpus": "有效训练时间占比 {goodput}，{gpus} 张 GPU：+{hours} GPU 小时，+{cost}",
    "goodput_value_given": "有效训练时间占比 {goodput}（你设定的）：+{hours} GPU 小时，+{cost}",
    "goodput_value_seed": "无：种子文档的公式不计故障",
    "a_goodput": "有效训练时间占比",
    "a_goodput_model": (
        "{goodput}：Llama 3 的中断率（16K 张 H100 上 54 天 466 次）× GPU 数 × 每次损失 11.6 分钟，另加 3% 的检查点与暂停；"
        "`goodput=100%` 可关闭"
    ),
    "a_goodput_given": "{goodput}，你设定的",
    "field_gpus_needed": "{days} 天内完成所需 GPU",
    "gpus_needed_value": "{gpus} 张（{nodes} 个 8 卡节点）：训练时长 {time}，含故障",
    "field_budget": "预算",
    "budget_value": "{budget} 可训练 {params} 参数、{tokens} token（Chinchilla，每参数 {per_param} 个）：{hours} GPU 小时",
    "a_tokens_budget": "{tokens}，每参数 {per_param} 个：该预算下计算最优的训练",
    "reported_ratio": "{reported} · 本估算为其 GPU 小时的 {ratio} 倍",
    "similar_runs": "类似的公开训练：{runs}",
    "similar_run": "{model}（{gpu}，MFU {mfu}{hours}；{source}）",
    "similar_run_hours": "，{hours} GPU 小时",
    "note_trained_on": "{model} 按其实际训练所用的 {gpu} 估算；可用 `gpu=` 换成其他 GPU。",
    "note_mfu_fp8_basis": (
        "公开的 MFU 按 BF16 峰值计算（DeepSeek-V3 的 FP8 训练：BF16 的 34.6%，FP8 的 17.3%）：按此精度两倍高的峰值，"
        "默认的 {sixteen} 相当于 {mfu}，速度相同。"
    ),
    "note_goodput_beyond_published": "{gpus} 张 GPU 超过最大的公开训练（16,384 张）：这里的有效训练时间占比是外推的。",
    "days_unreachable": "没有集群能在 {days} 天内完成：GPU 越多，故障损失的时间比增加的算力还多。",
    "a_mfu_basis_label": "MFU 基准",
    "budget_and_params": "`{option}` 会自行确定模型规模：请去掉 `{word}`（以及 token 数）。",
    "days_and_gpus": "`{word}` 和 `{option}` 都在指定集群：只给一个。",
    "compare_mfu_each": "各代 GPU 的公开中位数",
    # fine-tuning and mixture-of-experts shorthand (issue 14)
    "finetune_title": "微调 {subject}，{tokens} tokens（{method}）",
    "method_full": "全参数",
    "method_lora": "LoRA",
    "method_qlora": "QLoRA",
    "memory_what_lora": "冻结权重按 bf16 每参数 {base_bytes} 字节，加 {adapters} 个 rank-{rank} 适配器参数，每个 {adapter_bytes} 字节；未计激活值",
    "memory_what_qlora": "冻结权重按 4 位 NF4 每参数 {base_bits} 位，加 {adapters} 个 rank-{rank} 适配器参数，每个 {adapter_bytes} 字节；未计激活值",
    "note_finetune_full": "全参数微调：计算量 6·N·D，权重、梯度与 Adam 状态每参数 {state_bytes} 字节，与预训练相同；未计激活值；沿用预训练的 MFU。",
    "note_finetune_lora": (
        "LoRA：冻结的权重不产生梯度，计算量为 4·N·D（前向与激活梯度），另加每个适配器参数每 token 6 次；"
        "按同等规模的典型结构在每个线性层加 rank-{rank} 适配器；沿用预训练的 MFU。"
    ),
    "note_finetune_qlora": "QLoRA：在 4 位 NF4 权重上做 LoRA（双重量化后每参数 {bits} 位）；每步反量化使其慢于 LoRA，这部分未计入。",
    "finetune_needs_tokens": "微调需要给出 token 数，例如 `finetune llama2-7b 100M method=lora`。",
    "note_moe_unknown_active": "`{shorthand}` 把全部 {total} 参数都算作激活：激活比例未知（可用 `active=` 指定）。",
    "note_moe_unknown_active_named": (
        "`{shorthand}` 把全部 {total} 参数都算作激活：激活比例未知（可用 `active=` 指定）。它与预设 {title}（`{preset}`）相符。"
    ),
    "note_moe_unknown_active_preset": (
        "`{shorthand}` 把全部 {total} 参数都算作激活：激活比例未知（可用 `active=` 指定）。"
        "它与预设 {title}（`{preset}`）相符：激活 {active}。"
    ),
    "help_finetune": (
        "`finetune <参数|模型> <tokens>`：全参数微调计算量 6·N·D，状态每参数 {state_bytes} 字节；"
        "`method=lora` 冻结的权重不产生梯度（4·N·D），显存为 bf16 权重加 rank-{rank} 适配器；"
        "`method=qlora` 权重按 4 位 NF4 存放。由显存给出至少需要的 GPU 数。\n"
        "选项：训练的选项（`budget=` 除外），以及 `method=full|lora|qlora`"
    ),
    # prices: bases, offers, owning, API prices, self-host or buy (calc.prices, calc.ownership, calc.api_prices)
    "a_price_median": "每 GPU 小时 ${price}，{basis}：{provider}，{as_of}，{count} 家供应商报价的中位数（`prices {gpu}` 列出全部）— {source}",
    "a_price_only_offer": "每 GPU 小时 ${price}，{basis}：{provider}，{as_of}，仅此一家供应商报价（`prices {gpu}` 列出）— {source}",
    "a_price_seed": "每 GPU 小时 ${price}，{basis}：种子文档中的价格，{as_of}（`basis=on-demand` 可用当前报价）— {source}",
    "a_price_own": "每 GPU 小时 ${price}，自购：购置 ${capex} + 电力 ${power} + 运维 ${ops}",
    "price_median_short": "${price}/小时 {basis}，{provider}，{as_of}",
    "price_seed_short": "${price}/小时 {basis}，种子文档的价格",
    "price_own_short": "${price}/小时 自购（购置 ${capex} + 电力 ${power} + 运维 ${ops}）",
    "basis_on-demand": "按需",
    "basis_commit-1y": "1 年承诺",
    "basis_commit-3y": "3 年承诺",
    "basis_spot": "竞价实例",
    "basis_seed": "种子文档的价格",
    "basis_own": "自购",
    "a_own_capex": "购置",
    "a_own_capex_value": "每 GPU {capex}（{origin}），按 {years} 年折旧（{years_source}），使用率 {util} → 每 GPU 小时 ${per_hour}",
    "a_own_power": "电力",
    "a_own_power_value": "{watts} W × PUE {pue} × ${kwh}/千瓦时 → 每 GPU 小时 ${per_hour}（电价：{kwh_source}；PUE：{pue_source}）",
    "a_own_ops": "运维",
    "a_own_ops_value": "占总成本 {ops}（人员、场地、网络、维修）→ 每 GPU 小时 ${per_hour}",
    "a_own_ops_none": "未计入（人员、场地、网络、维修）：可用 `ops=` 给出其占总成本的比例",
    "own_origin": "{what}，{as_of} — {source}",
    "own_yours": "你给出的",
    "own_no_capex": "数据中没有 {gpu} 的购置价格：请用 `capex=` 给出每 GPU 的美元价格。",
    "own_no_power": "目录中没有 {gpu} 的板卡功耗，自购需要它来计算电费：请选择其他 `gpu=`。",
    "unknown_basis": "没有 `{basis}` 这种计价方式：请从 {known} 中选择。",
    "no_offer_on_basis": "{gpu} 没有 `{basis}` 的报价（已有：{available}）：请换一个 `basis=` 或给出 `price=`。",
    "note_compare_basis": "所有 GPU 都按 `basis={basis}` 计价：各取该方式下报价的中位数（`prices <gpu>` 列出报价）。",
    "gpu_price_basis": "${price}/小时 {basis}，{provider}，{as_of}",
    "prices_title": "GPU 价格：按计价方式列出的报价，附日期和来源",
    "prices_gpu_title": "{gpu}：{count} 条报价，美元/GPU 小时",
    "prices_gpu_line": "{gpu}：默认 {default} · {spreads}",
    "prices_spread_short": "{basis} ${low}–${high}（中位数 ${median}，{counted}）",
    "prices_none": "无报价：请给出 `price=`",
    "prices_basis_heading": "{basis}：${low} 至 ${high}，中位数 ${median} — {listed} 条报价中计入 {counted} 条",
    "prices_offer": "${price} {provider}{instance}{region}，{as_of}{stale}{marks} — {source}",
    "prices_instance": "，{instance}",
    "prices_default_mark": " ← 默认",
    "prices_not_counted_mark": "（未计入：{reason}）",
    "prices_reason_older": "同一供应商有更新或更便宜的报价，或比数据中最新日期早 {days} 天以上",
    "prices_reason_seed": "种子文档的价格，`basis=seed`",
    "prices_stale": " ⚠ 超过一年或未注明日期",
    "prices_rule": "规则：每种计价方式下，取每家供应商最新的报价（同一天取最便宜的），若有则只取数据最新日期（{data_date}）前 {days} 天内的，再取中位数（偶数个时取较便宜的中间值）。不写 `basis=` 时，种子文档给出价格的 GPU（A100）用该价格，其余用按需价格；`compare` 让所有 GPU 用同一种计价方式。`basis=own` 计算自购 GPU 的成本。",
    "prices_override": "已包含运营方文件中的报价。",
    "api_title": "API 价格：每百万 token 的美元价格，输入与输出",
    "api_title_model": "{model}：{count} 条 API 价格，每百万 token 美元",
    "api_model_line": "{model}{open}：{count} 条报价，最低输入 ${input} · 输出 ${output}",
    "api_open_weights": "（开放权重）",
    "api_offer": "{provider}：输入 ${input} · 输出 ${output}，{as_of}{stale} — {source}",
    "api_footer": "标准档位的公开价格；部分端点使用量化权重（见来源）。`infer <模型>` 会把自建部署的成本与之对比。",
    "unknown_api_model": "`{word}`：没有该模型的 API 价格。已有：{models}。",
    "field_api": "自建还是购买",
    "api_band": "{model} 的 API：按此输入输出比例每百万 token {low}–{high}（中位数 {median}，{count} 条报价；最便宜：{provider}）",
    "api_hosted": "此处自建：满载时每百万 token {cost}（每秒 {capacity} 个请求，每小时 {hourly}）",
    "api_break_even": "负载高于每秒 {rps} 个请求（每天 {tokens} token）时自建比最便宜的 API 更省，因为无论负载多少每小时都要付 {hourly}",
    "api_never": "此处自建始终比最便宜的 API 贵：即使满载，每百万 token 也要 {cost}",
    "api_chart_heading": "每百万 token 美元（输入 {input}，输出 {output}）：自建在不同负载下与 API 对比",
    "api_chart_load": "自建，{share}（{rps}/秒）",
    "api_chart_cheapest": "API，最便宜",
    "api_chart_median": "API，中位数",
    "api_chart_highest": "API，最贵",
    "prices_file_invalid": "LLMCOST_PRICES={path}：{problem}",
    "api_break_even_median": "；负载高于每秒 {rps} 个请求时比 API 中位数更省",
    "help_prices": "每个价格都基于一种计价方式：`basis=on-demand` `commit`（1 年）`commit-3y` `spot` `seed` `own`。某种方式下的价格取各供应商最新报价的中位数（`prices <gpu>` 列出报价及日期和来源）；`compare` 让所有 GPU 用同一种方式。\n`basis=own` 为自购：`capex=`（每 GPU 美元）按 `years=` 年、使用率 `util=` 分摊，加上电费（`kwh=` × 板卡功耗 × `pue=`）和 `ops=`，逐项列出。\n`api <模型>`：按 token 计费的 API 价格；`infer <模型>` 会与之对比，并给出自建更省的负载下限。\n`rent <gpu> gpus=N days=N`（或 `hours=`、`gpu_hours=`）：只租 GPU、不涉及模型，卡数 × 小时 × 该计价方式下的单价（默认按需，可用 `basis=`），并给出各供应商的价格区间。",
    # rent: GPUs for a time, no model (calc.rental)
    "rent_title": "租用 {gpus} × {gpu}，{duration}：≈ {cost}",
    "rent_title_hourly": "租用 {gpus} × {gpu}：每小时 {cost}",
    "rent_days_other": "{days} 天",
    "rent_hours": "{hours} 小时",
    "rent_sum": "{gpus} 张 × {hours} 小时 = {gpu_hours} GPU 小时 × 每 GPU 小时 {price}{discount} = {cost}",
    "rent_discount": "（已减 {discount}）",
    "rent_rates_other": "{gpus} 张合计：每小时 {hour} · 每天 {day} · 每 {days} 天 {month}",
    "rent_price": "价格：{price}",
    "rent_fx": "报价以美元计，按 1 美元 = {rate} {currency} 换算（可用 `rate=` 修改）",
    "rent_spread": "{basis}（计入 {count} 家供应商）报价为每 GPU 小时 ${low} 至 ${high}：本次租用 {low_total} 至 {high_total}",
    "rent_spread_hourly": "{basis}（计入 {count} 家供应商）报价为每 GPU 小时 ${low} 至 ${high}：这些 GPU 每小时 {low_total} 至 {high_total}",
    "rent_footer": "`prices {gpu}` 列出全部报价（含日期与来源）· `basis=spot` 或 `basis=commit` 按其他方式计价 · `price=` 用你自己的价格（人民币写 `price=¥15`）",
    "days_and_hours": "`{word}` 和 `{option}` 都在指定 GPU 用量：只给一个。",
    "rent_title_gpu_hours": "{gpu_hours} {gpu} GPU 小时：≈ {cost}",
    "rent_sum_gpu_hours": "{gpu_hours} GPU 小时 × 每 GPU 小时 {price}{discount} = {cost}",
    "a_price_typed_in_usd": "每 GPU 小时 ${price}，你给的价格：`price=` 以美元计（人民币请写 `price=¥{price}`）",
    "read_token_rate_chat": "`{words}` 按 `rps={rps}` 理解：每个请求 {tokens} token（输入 1,000、输出 250，对话的默认值；可用 `input=` `output=` 指定）。",
    "read_token_rate_given": "`{words}` 按 `rps={rps}` 理解：每个请求 {tokens} token，按你给的数。",
    "rent_compare_what_other": "{gpus} 张 GPU，{duration}",
    "rent_compare_what_gpu_hours": "{gpu_hours} GPU 小时",
    "rent_compare_what_hourly_other": "{gpus} 张 GPU，每小时",
    "rent_compare_title": "租用 {what}：{gpu} 最便宜，≈ {cost}",
    "rent_compare_line": "{gpu}：{cost} — {price}",
    "rent_compare_skipped": "{gpu}：无法计价 — {why}",
    "rent_compare_footer": "这里只比较租用时长的价格：更快的 GPU 在同样时间里完成更多工作。要比较某项任务在各款 GPU 上的费用，请带上任务，例如 `compare train 70B 2T gpu=H100,A100`。",
}
